import { z } from "zod";
import { addressSchema, type Address } from "../../kernel/address.js";

/** A member's request, after a session, for one of their leads to get in touch: routine, never an alert. */
export const contactRequestSchema = z.strictObject({
  member: addressSchema,
  session: z.number().int().min(1),
  at: z.iso.datetime(),
});

/** A stored contact request. */
export type ContactRequest = z.infer<typeof contactRequestSchema>;

/** Contact requests by member and session: the group document's slice. */
export const contactRequestsSchema = z.record(z.string(), contactRequestSchema);

/** The key of a member's contact request about one session: one request per member and session. */
export function contactRequestKey(member: Address, session: number): string {
  return `${member}|${session}`;
}
