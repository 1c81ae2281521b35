import { StartupError } from "../kernel/errors.js";
import { envSchema, type Env } from "../app/settings.js";

/** Reads and validates the environment, failing fast with a StartupError naming each bad variable. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `environment variable ${issue.path.map(String).join(".")}: ${issue.message}`,
  );
  throw new StartupError(lines.join("\n"));
}

/** The configuration file to load, and whether COHESION_CONFIG chose it explicitly. */
export function configLocation(env: Env): { path: string; explicit: boolean } {
  return env.COHESION_CONFIG === undefined
    ? { path: "cohesion.yaml", explicit: false }
    : { path: env.COHESION_CONFIG, explicit: true };
}

/** The chat platforms to run: console when no chat credentials are set; a partial credential set is a StartupError. */
export function chosenPlatforms(env: Env): ("console" | "slack" | "teams")[] {
  const platforms: ("slack" | "teams")[] = [];
  if (env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) {
    if (!env.SLACK_BOT_TOKEN) throw new StartupError("Slack credentials are incomplete: missing SLACK_BOT_TOKEN");
    if (!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      throw new StartupError(
        "Slack credentials are incomplete: missing SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (socket mode)",
      );
    }
    platforms.push("slack");
  }
  if (teamsChosen(env)) platforms.push("teams");
  return platforms.length > 0 ? platforms : ["console"];
}

/** Whether Teams runs: with a complete app registration, or unauthenticated only when TEAMS_ALLOW_UNAUTHENTICATED=true and no credentials are set. */
function teamsChosen(env: Env): boolean {
  const credentials = Boolean(
    env.MICROSOFT_APP_ID || env.MICROSOFT_APP_PASSWORD || env.MICROSOFT_APP_TENANT_ID || env.MICROSOFT_APP_TYPE,
  );
  if (env.TEAMS_ALLOW_UNAUTHENTICATED === "true") {
    if (credentials)
      throw new StartupError(
        "TEAMS_ALLOW_UNAUTHENTICATED=true is for local tools without an app registration: unset it or the MICROSOFT_APP_* variables",
      );
    return true;
  }
  if (!credentials) return false;
  // A user-assigned managed identity has no password.
  const required =
    env.MICROSOFT_APP_TYPE === "UserAssignedMSI"
      ? (["MICROSOFT_APP_ID"] as const)
      : (["MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD"] as const);
  const missing = required.filter((name) => !env[name]);
  if (missing.length > 0) throw new StartupError(`Teams credentials are incomplete: missing ${missing.join(" and ")}`);
  if (env.MICROSOFT_APP_TYPE !== "MultiTenant" && env.MICROSOFT_APP_TYPE !== undefined && !env.MICROSOFT_APP_TENANT_ID)
    throw new StartupError(
      `Teams credentials are incomplete: MICROSOFT_APP_TYPE=${env.MICROSOFT_APP_TYPE} needs MICROSOFT_APP_TENANT_ID`,
    );
  return true;
}

/** The keys stored documents are encrypted with: the current one, and the previous one while rotating. */
export interface DataKeys {
  readonly key: Buffer;
  readonly previousKeys: readonly Buffer[];
}

/** The data encryption keys, or undefined to store plain JSON; production needs a key unless DATA_ENCRYPTION=off. */
export function dataEncryption(env: Env): DataKeys | undefined {
  if (env.DATA_ENCRYPTION === "off") {
    if (env.DATA_ENCRYPTION_KEY || env.DATA_ENCRYPTION_KEY_OLD)
      throw new StartupError(
        "DATA_ENCRYPTION=off stores data unencrypted, but a key is set: unset DATA_ENCRYPTION, or the DATA_ENCRYPTION_KEY variables",
      );
    return undefined;
  }
  if (!env.DATA_ENCRYPTION_KEY) {
    if (env.DATA_ENCRYPTION_KEY_OLD)
      throw new StartupError("DATA_ENCRYPTION_KEY_OLD is set without DATA_ENCRYPTION_KEY, the new key to encrypt with");
    if (env.NODE_ENV === "production")
      throw new StartupError(
        "NODE_ENV=production needs DATA_ENCRYPTION_KEY, the key that encrypts the stored data (make one with " +
          "`openssl rand -base64 32` and keep it apart from the data); to store the data unencrypted, set DATA_ENCRYPTION=off",
      );
    return undefined;
  }
  const previous = env.DATA_ENCRYPTION_KEY_OLD;
  return {
    key: Buffer.from(env.DATA_ENCRYPTION_KEY, "base64"),
    previousKeys: previous === undefined ? [] : [Buffer.from(previous, "base64")],
  };
}

/** The audit-log breaks the operator acknowledged in AUDIT_CHAIN_ACKNOWLEDGED: entry numbers by group. */
export function acknowledgedAuditBreaks(env: Env): ReadonlyMap<string, ReadonlySet<number>> {
  const breaks = new Map<string, Set<number>>();
  for (const item of env.AUDIT_CHAIN_ACKNOWLEDGED?.split(",") ?? []) {
    const [group = "", entry = ""] = item.split(":");
    breaks.set(group, (breaks.get(group) ?? new Set()).add(Number(entry)));
  }
  return breaks;
}
