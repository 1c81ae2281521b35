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
]);

/** An action recorded in the audit log. */
export type AuditAction = z.infer<typeof auditActionSchema>;

/** One append-only audit entry: who did what, when, about what (an opaque subject such as an alert id). */
export const auditEntrySchema = z.strictObject({
  at: z.iso.datetime(),
  actor: addressSchema,
  action: auditActionSchema,
  subject: z.string().max(200).optional(),
});

/** An audit log entry. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;
