import { z } from "zod";

const instant = z.iso.datetime();

/** When each member was told, with their orientation, how their answers are used, and which version of those words. */
export const informedSchema = z.record(z.string(), z.strictObject({ at: instant, version: z.number().int().min(1) }));

/** When each member who said `no check-ins` said so; turning them back on removes the entry. */
export const declinedCheckinsSchema = z.record(z.string(), instant);
