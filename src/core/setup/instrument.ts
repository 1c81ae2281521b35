import { z } from "zod";
import { slugSchema } from "./program.js";

/** A subscale of an instrument, and which direction of its score is the concerning one. */
export const subscaleSchema = z.strictObject({
  id: slugSchema,
  name: z.string().min(1).max(40),
  higherIs: z.enum(["better", "concerning"]),
});

/** One item of an instrument. */
export const itemSchema = z.strictObject({
  id: slugSchema,
  text: z.string().min(1).max(300),
  subscale: slugSchema,
  reverse: z.boolean().default(false),
});

/** A process measure as data (GCQ-S, the pulse, or a clinic's own), validated when loaded. */
export const instrumentSchema = z
  .strictObject({
    id: slugSchema,
    title: z.string().min(1).max(80),
    stem: z.string().min(1).max(300),
    scale: z.strictObject({
      min: z.number().int(),
      max: z.number().int(),
      // A long scale (0-10) may name only some points, such as its ends: the others are left "".
      labels: z.array(z.string().max(40)).min(2),
    }),
    subscales: z.array(subscaleSchema).min(1),
    items: z.array(itemSchema).min(1),
    maxMissing: z.number().int().min(0),
    /** For a screening instrument: answers whose total is at or above this are flagged to the leads. */
    flagAtOrAbove: z.number().int().optional(),
  })
  .superRefine((instrument, ctx) => {
    const { min, max, labels } = instrument.scale;
    if (max <= min) ctx.addIssue({ code: "custom", path: ["scale", "max"], message: "max must be above min" });
    if (labels.length !== max - min + 1)
      ctx.addIssue({
        code: "custom",
        path: ["scale", "labels"],
        message: `expected ${max - min + 1} labels, one per point from ${min} to ${max}`,
      });
    if (!labels[0] || !labels.at(-1))
      ctx.addIssue({ code: "custom", path: ["scale", "labels"], message: "the first and last points need a label" });
    const subscales = new Set(instrument.subscales.map((s) => s.id));
    instrument.items.forEach((item, i) => {
      if (!subscales.has(item.subscale))
        ctx.addIssue({
          code: "custom",
          path: ["items", i, "subscale"],
          message: `unknown subscale "${item.subscale}"`,
        });
    });
    const ids = instrument.items.map((item) => item.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: "custom", path: ["items"], message: "item ids must be unique" });
    if (instrument.maxMissing >= instrument.items.length)
      ctx.addIssue({ code: "custom", path: ["maxMissing"], message: "must be below the number of items" });
  });

/** A validated instrument. */
export type Instrument = z.infer<typeof instrumentSchema>;

/** The instruments Cohesion itself relies on, by role: the group-climate questionnaire (GCQ-S) and the one-tap pulse. */
export const coreInstruments = { climate: "gcq-s", pulse: "pulse" } as const;

/** The id of an instrument Cohesion relies on. */
export type CoreInstrumentId = (typeof coreInstruments)[keyof typeof coreInstruments];
