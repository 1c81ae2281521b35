import { createHash } from "node:crypto";
import { z } from "zod";
import { addressSchema, type Address } from "../../kernel/address.js";
import { memberTextLimit } from "../../kernel/events.js";

/** A message a member wrote to Cohesion, kept for their group's leads (never logged, never for the care team). */
export const memberMessageSchema = z.strictObject({
  member: addressSchema,
  text: z.string().min(1).max(memberTextLimit),
  at: z.iso.datetime(),
  /** The session last held when it was written (1 before the first). */
  session: z.number().int().min(1),
});

/** A stored member message. */
export type MemberMessage = z.infer<typeof memberMessageSchema>;

/** Members' messages by id: the group document's slice. */
export const memberMessagesSchema = z.record(z.string(), memberMessageSchema);

/** The id of a member's message: the same for a repeat of the same words in the same instant, and free of their address. */
export function memberMessageId(groupId: string, member: Address, at: Date, text: string): string {
  const digest = createHash("sha256").update(`${groupId}|${member}|${at.toISOString()}|${text}`).digest("hex");
  return `msg-${digest.slice(0, 20)}`;
}
