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

// One or more `<group>:<entry number>`, e.g. pain-tue:4, so that each acknowledgement names exactly one break.
const auditBreaks = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9_-]*:[1-9]\d*(,[a-z0-9][a-z0-9_-]*:[1-9]\d*)*$/,
    "expected <group>:<entry number> as Cohesion names the break, e.g. pain-tue:4 (several separated by commas)",
  );

/** The environment variables Cohesion reads; empty strings count as unset. */
export const envSchema = z.object({
  COHESION_CONFIG: optionalString(),
  DATA_DIR: unsetIfEmpty(z.string().default("./data")),
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
  SLACK_BOT_TOKEN: optionalString(),
  SLACK_SIGNING_SECRET: optionalString(),
  SLACK_APP_TOKEN: optionalString(),
  SLACK_API_URL: optionalString(),
  MICROSOFT_APP_ID: optionalString(),
  MICROSOFT_APP_PASSWORD: optionalString(),
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
