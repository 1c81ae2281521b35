import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { addressSchema, type Address } from "../../kernel/address.js";
import { checkinSettingsSchema, orientationSettingsSchema, slugSchema } from "./program.js";

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "expected a local date-time such as 2026-12-01T18:00")
  .refine((value) => DateTime.fromISO(value).isValid, "not a real date and time");

/** How often a group meets: `1 week`, `2 weeks`, `3 days`... */
export const intervalSchema = z
  .string()
  .regex(/^[1-9]\d? (day|days|week|weeks)$/, 'expected an interval such as "1 week", "2 weeks" or "3 days"');

/** A change to one session: cancelled, or moved to another local date-time. */
export const sessionChangeSchema = z.strictObject({
  session: z.number().int().min(1),
  cancelled: z.boolean().optional(),
  startsAt: localDateTime.optional(),
});

/** A therapy group as configured by the clinic. */
export const groupSchema = z.strictObject({
  id: slugSchema,
  name: z.string().min(1).max(120),
  memberFacingName: z.string().min(1).max(80).optional(),
  program: slugSchema,
  timezone: z.string().refine((zone) => IANAZone.isValidZone(zone), "expected an IANA time zone such as Europe/London"),
  schedule: z.strictObject({
    firstSession: localDateTime,
    every: intervalSchema,
    count: z.number().int().min(1).max(520).optional(),
    durationMinutes: z.number().int().min(15).max(480).default(90),
  }),
  changes: z.array(sessionChangeSchema).default([]),
  location: z.string().min(1).max(300),
  careTeamChannel: addressSchema,
  leads: z.array(addressSchema).min(1),
  members: z.array(addressSchema).default([]),
  checkin: checkinSettingsSchema.optional(),
  orientation: orientationSettingsSchema.optional(),
  /** The leads' private briefing before each session: `on` (the default) or `off`. */
  briefing: z.enum(["on", "off"], 'expected "on" or "off"').default("on"),
});

/** A validated group. */
export type Group = z.infer<typeof groupSchema>;

/** Whether an address is one of the group's leads. */
export function isLead(group: Group, address: Address): boolean {
  return group.leads.includes(address);
}

/** Whether an address is one of the group's members. */
export function isMember(group: Group, address: Address): boolean {
  return group.members.includes(address);
}
