import { z } from "zod";
import { addressSchema } from "../../kernel/address.js";

/** What the audit log records: every export and every read or change of individual-level data. */
export const auditActionSchema = z.enum([
  "export-aggregates",
  "export-member-answers",
  "alert-acknowledged",
  "alert-discussed",
  "alert-resolved",
  "attendance-recorded",
  "alert-escalated",
  "member-status-changed",
  "member-alerts-read",
  "member-erased",
  "member-erased-own-data",
  "retention-applied",
]);

/** An action recorded in the audit log. */
export type AuditAction = z.infer<typeof auditActionSchema>;

/** Who acts when Cohesion itself does something (the daily retention job): not an address, so never a person. */
export const systemActor = "cohesion";

/** Who an audit entry names: a person's address, or Cohesion itself. */
export const auditActorSchema = z.union([addressSchema, z.literal(systemActor)]);

/** An audit entry's actor. */
export type AuditActor = z.infer<typeof auditActorSchema>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "expected a SHA-256 in hex");

/**
 * One append-only audit entry: who did what, when, about what (an opaque subject such as an alert id), chained to the
 * entry before it by `prev` and sealed by its own `hash`; entries written before the chain have neither.
 */
export const auditEntrySchema = z.strictObject({
  at: z.iso.datetime(),
  actor: auditActorSchema,
  action: auditActionSchema,
  subject: z.string().max(200).optional(),
  prev: sha256Hex.optional(),
  hash: sha256Hex.optional(),
});

/** An audit log entry. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;
