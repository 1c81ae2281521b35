import { z } from "zod";
import { addressSchema } from "../../kernel/address.js";
import type { Instrument } from "../setup/index.js";

/** A member's answers to the pre-group screening: the instrument, the answers by item, and whether they are flagged. */
export const screeningSchema = z.strictObject({
  instrument: z.string().min(1),
  answers: z.record(z.string(), z.number().int()),
  flagged: z.boolean(),
  at: z.iso.datetime(),
});

/** A member's stored screening answers. */
export type Screening = z.infer<typeof screeningSchema>;

/** Screening answers by member: the group document's slice; a member's latest answers replace earlier ones. */
export const screeningsSchema = z.record(addressSchema, screeningSchema);

/** The total of the answered items of a screening. */
export function screeningTotal(answers: Readonly<Record<string, number>>): number {
  return Object.values(answers).reduce((sum, value) => sum + value, 0);
}

/** Whether screening answers reach the instrument's flag: their total at or above `flagAtOrAbove`. */
export function isScreeningFlagged(instrument: Instrument, answers: Readonly<Record<string, number>>): boolean {
  return instrument.flagAtOrAbove !== undefined && screeningTotal(answers) >= instrument.flagAtOrAbove;
}
