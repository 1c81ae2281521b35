import { DateTime } from "luxon";
import { z } from "zod";

const unsetIfEmpty = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema);
const optionalString = () => unsetIfEmpty(z.string().optional());

const consoleStart = z
  .string()
  .refine(
    (value) => /T.+(Z|[+-]\d{2}(:?\d{2})?)$/i.test(value) && DateTime.fromISO(value).isValid,
    "expected an ISO date-time with a UTC offset, such as 2026-12-01T17:45Z or 2026-12-01T17:45+00:00",
  )
  .transform((value) => DateTime.fromISO(value).toJSDate());

// Only the canonical encoding, so that a key pasted with a character missing or added is refused, not changed.
const dataKey = z
  .string()
  .trim()
  .refine(
    (value) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, "base64").toString("base64") === value,
    "expected the base64 of exactly 32 bytes (make one with: openssl rand -base64 32)",
  );

// The message never repeats the value, which may hold a password.
const databaseUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: "expected a PostgreSQL URL such as postgres://cohesion:<password>@db.example.org:5432/cohesion",
});

// One or more `<group>:<entry number>`, e.g. pain-tue:4, so that each acknowledgement names exactly one break.
const auditBreaks = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9_-]*:[1-9]\d*(,[a-z0-9][a-z0-9_-]*:[1-9]\d*)*$/,
    "expected <group>:<entry number> as Cohesion names the break, e.g. pain-tue:4 (several separated by commas)",
  );

// Slack's signing secrets are 32 hex characters; letters and digits from 16 on are accepted, since Slack's own documented
// example secret is not hex and a Slack-compatible service may differ, while anything shorter, or with spaces or quotes,
// is a paste error or a placeholder. Messages never repeat the value.
const signingSecret = z
  .string()
  .regex(/^[A-Za-z0-9]{16,256}$/, "expected the Signing Secret from the Slack app's Basic Information (32 characters)");
const slackToken = (prefix: string, what: string) =>
  z.string().regex(new RegExp(`^${prefix}-[A-Za-z0-9-]{8,500}$`), `expected ${what} (${prefix}-…)`);
// Entra client secrets are about 40 characters.
const appPassword = z
  .string()
  .min(16, "expected the client secret of the Azure bot registration (about 40 characters)")
  .max(1024, "expected the client secret of the Azure bot registration (about 40 characters)");

/** The environment variables Cohesion reads; empty strings count as unset. */
export const envSchema = z.object({
  COHESION_CONFIG: optionalString(),
  DATA_DIR: unsetIfEmpty(z.string().default("./data")),
  DATABASE_URL: unsetIfEmpty(databaseUrl.optional()),
  NODE_ENV: optionalString(),
  DATA_ENCRYPTION_KEY: unsetIfEmpty(dataKey.optional()),
  DATA_ENCRYPTION_KEY_OLD: unsetIfEmpty(dataKey.optional()),
  DATA_ENCRYPTION: unsetIfEmpty(z.enum(["off"], { error: "expected off (or unset)" }).optional()),
  AUDIT_CHAIN_ACKNOWLEDGED: unsetIfEmpty(auditBreaks.optional()),
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
  SLACK_BOT_TOKEN: unsetIfEmpty(slackToken("xoxb", "the Bot User OAuth Token").optional()),
  SLACK_SIGNING_SECRET: unsetIfEmpty(signingSecret.optional()),
  SLACK_APP_TOKEN: unsetIfEmpty(slackToken("xapp", "an App-Level Token with connections:write").optional()),
  SLACK_API_URL: optionalString(),
  MICROSOFT_APP_ID: optionalString(),
  MICROSOFT_APP_PASSWORD: unsetIfEmpty(appPassword.optional()),
  MICROSOFT_APP_TENANT_ID: optionalString(),
  MICROSOFT_APP_TYPE: unsetIfEmpty(
    z
      .enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], {
        error: "expected MultiTenant, SingleTenant or UserAssignedMSI",
      })
      .optional(),
  ),
  TEAMS_ALLOW_UNAUTHENTICATED: unsetIfEmpty(z.enum(["true", "false"], { error: "expected true or false" }).optional()),
});

/** The validated environment. */
export type Env = z.infer<typeof envSchema>;
