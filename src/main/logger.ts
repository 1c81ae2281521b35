import { pino, type DestinationStream } from "pino";
import type { Logger } from "../kernel/ports.js";

// Defence in depth: callers log counts and codes only, but these keys are never written even by mistake.
const redacted = [
  "from",
  "to",
  "recipient",
  "member",
  "address",
  "text",
  "answers",
  "value",
  "name",
  "*.from",
  "*.recipient",
  "*.text",
];

/** A structured logger that redacts personal fields; writes to `destination` (a file in console mode). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const logger = pino(
    { level, base: { app: "cohesion" }, redact: { paths: redacted, censor: "[redacted]" } },
    destination,
  );
  return {
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
  };
}
