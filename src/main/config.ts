import { DateTime } from "luxon";
import { z } from "zod";
import { StartupError } from "../kernel/errors.js";

const unsetIfEmpty = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === "" ? undefined : value), schema);
const optionalString = () => unsetIfEmpty(z.string().optional());

const consoleStart = z
  .string()
  .refine(
    (value) => /T.+(Z|[+-]\d{2}(:?\d{2})?)$/i.test(value) && DateTime.fromISO(value).isValid,
    "expected an ISO date-time with a UTC offset, such as 2026-12-01T17:45Z or 2026-12-01T17:45+00:00",
  )
  .transform((value) => DateTime.fromISO(value).toJSDate());

/** The environment variables Cohesion reads; empty strings count as unset. */
export const envSchema = z.object({
  COHESION_CONFIG: optionalString(),
  DATA_DIR: unsetIfEmpty(z.string().default("./data")),
  LOG_LEVEL: unsetIfEmpty(
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "expected one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
  ),
  PORT: unsetIfEmpty(
    z
      .string()
      .regex(/^\d+$/, "expected a whole number from 0 to 65535")
      .transform(Number)
      // 0 asks the system for a free port: tests run several servers side by side.
      .pipe(z.number().int().max(65535, "expected a whole number from 0 to 65535"))
      .default(3000),
  ),
  CONSOLE_START: unsetIfEmpty(consoleStart.optional()),
  SLACK_BOT_TOKEN: optionalString(),
  SLACK_SIGNING_SECRET: optionalString(),
  SLACK_APP_TOKEN: optionalString(),
  SLACK_API_URL: optionalString(),
  MICROSOFT_APP_ID: optionalString(),
  MICROSOFT_APP_PASSWORD: optionalString(),
  MICROSOFT_APP_TENANT_ID: optionalString(),
  MICROSOFT_APP_TYPE: unsetIfEmpty(
    z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], { error: "expected MultiTenant, SingleTenant or UserAssignedMSI" }).optional(),
  ),
  TEAMS_ALLOW_UNAUTHENTICATED: unsetIfEmpty(z.enum(["true", "false"], { error: "expected true or false" }).optional()),
});

/** The validated environment. */
export type Env = z.infer<typeof envSchema>;

/** Reads and validates the environment, failing fast with a StartupError naming each bad variable. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `environment variable ${issue.path.map(String).join(".")}: ${issue.message}`);
  throw new StartupError(lines.join("\n"));
}

/** The configuration file to load, and whether COHESION_CONFIG chose it explicitly. */
export function configLocation(env: Env): { path: string; explicit: boolean } {
  return env.COHESION_CONFIG === undefined ? { path: "cohesion.yaml", explicit: false } : { path: env.COHESION_CONFIG, explicit: true };
}

/** The chat platforms to run: console when no chat credentials are set; a partial credential set is a StartupError. */
export function chosenPlatforms(env: Env): ("console" | "slack" | "teams")[] {
  const platforms: ("slack" | "teams")[] = [];
  if (env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) {
    if (!env.SLACK_BOT_TOKEN) throw new StartupError("Slack credentials are incomplete: missing SLACK_BOT_TOKEN");
    if (!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      throw new StartupError("Slack credentials are incomplete: missing SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (socket mode)");
    }
    platforms.push("slack");
  }
  if (teamsChosen(env)) platforms.push("teams");
  return platforms.length > 0 ? platforms : ["console"];
}

/** Whether Teams runs: with a complete app registration, or unauthenticated only when TEAMS_ALLOW_UNAUTHENTICATED=true and no credentials are set. */
function teamsChosen(env: Env): boolean {
  const credentials = Boolean(env.MICROSOFT_APP_ID || env.MICROSOFT_APP_PASSWORD || env.MICROSOFT_APP_TENANT_ID || env.MICROSOFT_APP_TYPE);
  if (env.TEAMS_ALLOW_UNAUTHENTICATED === "true") {
    if (credentials) throw new StartupError("TEAMS_ALLOW_UNAUTHENTICATED=true is for local tools without an app registration: unset it or the MICROSOFT_APP_* variables");
    return true;
  }
  if (!credentials) return false;
  // A user-assigned managed identity has no password.
  const required = env.MICROSOFT_APP_TYPE === "UserAssignedMSI" ? (["MICROSOFT_APP_ID"] as const) : (["MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD"] as const);
  const missing = required.filter((name) => !env[name]);
  if (missing.length > 0) throw new StartupError(`Teams credentials are incomplete: missing ${missing.join(" and ")}`);
  if (env.MICROSOFT_APP_TYPE !== "MultiTenant" && env.MICROSOFT_APP_TYPE !== undefined && !env.MICROSOFT_APP_TENANT_ID)
    throw new StartupError(`Teams credentials are incomplete: MICROSOFT_APP_TYPE=${env.MICROSOFT_APP_TYPE} needs MICROSOFT_APP_TENANT_ID`);
  return true;
}
