import { z } from "zod";

/** A lowercase identifier such as `chronic-pain-8`. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "expected lowercase letters, digits and dashes");

/** One session of a curriculum: its topic and the practice asked for before the next one. */
export const programSessionSchema = z.strictObject({
  topic: z.string().min(1).max(120),
  summary: z.string().min(1).max(600),
  practice: z.string().min(1).max(600).optional(),
});

/** Pre-group preparation (principle 1): expectations, agreements, the member's role and skills. */
export const preparationSchema = z.strictObject({
  expectations: z.string().min(1).max(1500),
  agreements: z.array(z.strictObject({ title: z.string().min(1).max(80), text: z.string().min(1).max(400) })).min(1),
  role: z.string().min(1).max(1000),
  skills: z.array(z.string().min(1).max(200)).min(1),
});

/** The clinic's own instruments added to the check-in after the GCQ-S, by id (a group's list replaces its program's). */
export const checkinSettingsSchema = z.strictObject({ instruments: z.array(slugSchema).max(3) });

/** Optional pre-group screening: an instrument sent with the orientation, by id (a group's setting replaces its program's). */
export const orientationSettingsSchema = z.strictObject({ screening: slugSchema.optional() });

/** A curriculum as data: a fixed course, or an open-ended group that rotates through its foci. */
export const programSchema = z.strictObject({
  id: slugSchema,
  name: z.string().min(1).max(120),
  format: z.enum(["course", "open-ended"]),
  /** The language members use in this program (e.g. `en`): it picks the risk keywords free text is checked against. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, "expected a language code such as en")
    .default("en"),
  preparation: preparationSchema,
  checkin: checkinSettingsSchema.optional(),
  orientation: orientationSettingsSchema.optional(),
  sessions: z.array(programSessionSchema).min(1),
});

/** A validated program. */
export type Program = z.infer<typeof programSchema>;

/** A session's content in a program. */
export type ProgramSession = z.infer<typeof programSessionSchema>;

/** The content of session `number` (1-based): courses run once through, open-ended groups rotate. */
export function sessionContent(program: Program, number: number): ProgramSession | undefined {
  const index = program.format === "course" ? number - 1 : (number - 1) % program.sessions.length;
  return program.sessions[index];
}
