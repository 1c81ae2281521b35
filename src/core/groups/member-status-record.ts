import { z } from "zod";
import { addressSchema } from "../../kernel/address.js";

/** Where a member stands, as their leads set it; every status but `active` stops Cohesion's messages to them. */
export const memberStatuses = ["active", "on-hold", "hospitalised", "withdrawn", "deceased"] as const;

/** A member's status. */
export type MemberStatus = (typeof memberStatuses)[number];

/** One change of a member's status: the new status, the lead who set it and when. */
const statusChangeSchema = z.strictObject({
  status: z.enum(memberStatuses),
  by: addressSchema,
  at: z.iso.datetime(),
});

/** Every status change by member address, oldest first; a member with none is active. */
export const memberStatusBySchema = z.record(z.string(), z.array(statusChangeSchema));
