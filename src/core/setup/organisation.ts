import { z } from "zod";
import { addressSchema } from "../../kernel/address.js";
import { analyticsSettingsSchema } from "./analytics-settings.js";
import { groupSchema } from "./group.js";
import { safetySettingsSchema } from "./safety-settings.js";

/** Organisation-wide settings: privacy floor, reminder timing, analytics, safety, operators, clinic content. */
export const organisationSchema = z.strictObject({
  name: z.string().min(1).max(120),
  privacy: z
    .strictObject({
      minResponses: z
        .number()
        .int()
        .min(3, "must be at least 3: smaller groups of answers can identify a member")
        .default(5),
      /** The fewest answers a group's own leads see figures from (they already see each member's answers). */
      leadMinResponses: z.number().int().min(3, "must be at least 3: leads' figures start from 3 answers").default(3),
      /** Days after a group's last session ends before its member-level records are erased (about 2 years by default). */
      retentionDays: z.number().int().min(30, "must be at least 30 days").max(36500).default(730),
    })
    .default({ minResponses: 5, leadMinResponses: 3, retentionDays: 730 }),
  timing: z
    .strictObject({
      orientationHoursBefore: z
        .number()
        .min(1)
        .max(24 * 14)
        .default(72),
      reminderHoursBefore: z
        .number()
        .min(1)
        .max(24 * 7)
        .default(24),
      checkinMinutesAfter: z
        .number()
        .min(0)
        .max(24 * 60)
        .default(10),
      nudgeHoursAfter: z.number().min(1).max(71).default(24),
      answerWindowHours: z
        .number()
        .min(1)
        .max(24 * 14)
        .default(72),
      briefingHoursBefore: z.number().min(0.5).max(48).default(3),
      /** How long a delivery claimed by a process that stopped before recording it waits before another sends it. */
      claimLeaseMinutes: z.number().int().min(1).max(60).default(10),
    })
    .default({
      orientationHoursBefore: 72,
      reminderHoursBefore: 24,
      checkinMinutesAfter: 10,
      nudgeHoursAfter: 24,
      answerWindowHours: 72,
      briefingHoursBefore: 3,
      claimLeaseMinutes: 10,
    }),
  analytics: analyticsSettingsSchema.prefault({}),
  safety: safetySettingsSchema.prefault({}),
  /** Who runs Cohesion (a person or a channel, on a running platform): told once when deliveries stall or fail, and once when they recover. */
  operators: z.array(addressSchema).max(10).default([]),
  programsDir: z.string().min(1).optional(),
  instrumentsDir: z.string().min(1).optional(),
  riskPhrasesDir: z.string().min(1).optional(),
});

/** The whole configuration document (`cohesion.yaml`). */
export const cohesionConfigSchema = z
  .strictObject({
    organisation: organisationSchema,
    groups: z.array(groupSchema).min(1),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.groups.forEach((group, i) => {
      if (seen.has(group.id))
        ctx.addIssue({ code: "custom", path: ["groups", i, "id"], message: `duplicate group id "${group.id}"` });
      seen.add(group.id);
    });
  });

/** Organisation settings after validation. */
export type Organisation = z.infer<typeof organisationSchema>;

/** The validated configuration document. */
export type CohesionConfig = z.infer<typeof cohesionConfigSchema>;
