import { z } from "zod";
import { addressSchema } from "../../kernel/address.js";
import { memberTextLimit } from "../../kernel/events.js";

/** Every kind of alert: group-level ones go to the leads and the care team, member-level ones to the leads only. */
export const alertKinds = [
  "engagement-drop",
  "concern-rise",
  "low-response",
  "member-low-engagement",
  "missed-sessions",
  "stopped-answering",
  "distress",
  "risk-text",
] as const;

/** A kind of alert. */
export type AlertKind = (typeof alertKinds)[number];

/** The kinds about the group as a whole; every other kind is about one member. */
export const groupAlertKinds: readonly AlertKind[] = ["engagement-drop", "concern-rise", "low-response"];

/** Where an alert stands: new, acknowledged, discussed in group, resolved. */
export const alertStatusSchema = z.enum(["new", "acknowledged", "discussed", "resolved"]);

/** An alert's status. */
export type AlertStatus = z.infer<typeof alertStatusSchema>;

/** One step of an alert's life, with who took it and when. */
export const alertStepSchema = z.strictObject({ status: alertStatusSchema, by: addressSchema, at: z.iso.datetime() });

/** A step of an alert's life. */
export type AlertStep = z.infer<typeof alertStepSchema>;

/**
 * What is stored about an alert: raised-at-once alerts (distress, risky free text) are stored when
 * raised; alerts found in the answers are stored when someone first acts on them.
 */
export const alertRecordSchema = z.strictObject({
  kind: z.enum(alertKinds),
  session: z.number().int().min(1),
  raisedAt: z.iso.datetime(),
  member: addressSchema.optional(),
  subscale: z.string().max(64).optional(),
  /** A distress answer: which item, which value. */
  item: z.string().max(64).optional(),
  value: z.number().int().optional(),
  /** Free text a member sent that suggests risk: shown to the group's leads only, never logged. */
  text: z.string().max(memberTextLimit).optional(),
  history: z.array(alertStepSchema).default([]),
});

/** A stored alert. */
export type AlertRecord = z.infer<typeof alertRecordSchema>;

/** The current status of a stored alert's history (new when nobody has acted). */
export function statusOf(history: readonly AlertStep[], until?: Date): AlertStatus {
  const steps = until === undefined ? history : history.filter((step) => new Date(step.at) < until);
  return steps.at(-1)?.status ?? "new";
}
