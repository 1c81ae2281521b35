import { z } from "zod";
import { addressSchema } from "../../kernel/address.js";

const count = z.number().int().min(0);

/** A group statistic before any privacy floor: how many values, their mean (null with none) and sample sd (null with fewer than two). */
export const statisticSchema = z.strictObject({ n: count, mean: z.number().nullable(), sd: z.number().nullable() });

/** A statistic of one session's answers, before any privacy floor. */
export type Statistic = z.infer<typeof statisticSchema>;

/** What one closed session's answers come to, computed once when its answer window has closed. */
export const sessionFiguresSchema = z.strictObject({
  /** What the figures were computed from (the group's members and instruments, the window's close, the attendance record); figures whose basis no longer matches are computed again. */
  basis: z.string().min(1),
  invited: count,
  respondents: count,
  forms: count,
  subscales: z.record(z.string(), statisticSchema),
  pulse: statisticSchema,
  /** Each GCQ-S item over the valid full check-ins that count in the session. */
  items: z.record(z.string(), statisticSchema),
  rsvp: z.strictObject({ yes: count, no: count }),
  /** The group's members at the session (see membersAtSession). */
  membersAt: count,
  /** Members who gave any answer about the session. */
  answered: z.array(addressSchema),
  /** Members the session's check-in was sent to. */
  sent: z.array(addressSchema),
  /** Members who missed the session, and what says so (see memberAttendance). */
  missed: z.record(addressSchema, z.enum(["recorded", "member", "rsvp"])),
  /** Each member's own subscale scores, for the members whose full check-in is valid (whether or not it counts). */
  scores: z.record(addressSchema, z.record(z.string(), z.number().nullable())),
});

/** One session's figures as stored. */
export type SessionFigures = z.infer<typeof sessionFiguresSchema>;

/** Stored figures by session number: the group document's slice. */
export const sessionFiguresBySessionSchema = z.record(z.string().regex(/^[1-9]\d*$/), sessionFiguresSchema);
