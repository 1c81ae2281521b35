import { z } from "zod";
import { addressSchema } from "../../kernel/address.js";

/** Who actually came to one held session, as a lead recorded it: how many came, and any members they named as absent. */
export const attendanceRecordSchema = z.strictObject({
  came: z.number().int().min(0),
  absent: z.array(addressSchema),
  by: addressSchema,
  at: z.iso.datetime(),
});

/** A lead's record of one session's attendance. */
export type AttendanceRecord = z.infer<typeof attendanceRecordSchema>;

/** Recorded attendance by session number, as stored in the group document. */
export const attendanceBySessionSchema = z.record(
  z.string().regex(/^[1-9]\d*$/, "expected a session number"),
  attendanceRecordSchema,
);

/** When each member said they weren't at a session (the check-in's "I wasn't there" button), keyed by (member, session). */
export const saidAbsentSchema = z.record(z.string(), z.iso.datetime());
