import { z } from "zod";

const count = z.number().int().min(0);

const aggregateSchema = z.union([
  z.strictObject({ shown: z.literal(true), mean: z.number(), sd: z.number().nullable(), respondents: count }),
  z.strictObject({ shown: z.literal(false), respondents: count }),
]);

/** One closed session's published figures, kept as they were when members' answers behind them were erased. */
export const frozenSessionSchema = z.strictObject({
  invited: count,
  respondents: count,
  responseRate: z.number().min(0).max(1).nullable(),
  forms: count,
  subscales: z.record(z.string(), aggregateSchema),
  pulse: aggregateSchema,
  rsvp: z.strictObject({ yes: count, no: count }),
});

/** A frozen session's figures. */
export type FrozenSession = z.infer<typeof frozenSessionSchema>;

/** Frozen figures by session number: the group document's slice. */
export const frozenClimateSchema = z.record(z.string().regex(/^[1-9]\d*$/), frozenSessionSchema);
