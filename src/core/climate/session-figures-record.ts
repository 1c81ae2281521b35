import { z } from "zod";
import { addressSchema } from "../../kernel/address.js";

const count = z.number().int().min(0);

/** A group statistic before any privacy floor: how many values, their mean (null with none) and sample sd (null with fewer than two). */
export const statisticSchema = z.strictObject({ n: count, mean: z.number().nullable(), sd: z.number().nullable() });

/** A statistic of one session's answers, before any privacy floor. */
export type Statistic = z.infer<typeof statisticSchema>;

/** A condition an alert rule found in one session, in the words the leads read (see the alerts' Finding). */
export const storedFindingSchema = z.strictObject({
  kind: z.string().min(1),
  session: z.number().int().min(1),
  member: addressSchema.optional(),
  subscale: z.string().optional(),
  evidence: z.strictObject({ what: z.string(), basis: z.string(), sureness: z.string() }),
});

/** One session's rule findings as kept with its figures, and what they were found under. */
export const sessionFindingsSchema = z.strictObject({
  /** The settings and published figures the rules read (see storeSessionFindings); findings whose stamp no longer matches are found again. */
  stamp: z.string().min(1),
  list: z.array(storedFindingSchema),
});

/** One session's rule findings as kept. */
export type SessionFindings = z.infer<typeof sessionFindingsSchema>;

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
  /** What the alert rules found in this session, from the figures of this session and every one before; removed whenever any of those is written again. */
  findings: sessionFindingsSchema.optional(),
});

/** One session's figures as stored. */
export type SessionFigures = z.infer<typeof sessionFiguresSchema>;

/** Stored figures by session number: the group document's slice. */
export const sessionFiguresBySessionSchema = z.record(z.string().regex(/^[1-9]\d*$/), sessionFiguresSchema);
