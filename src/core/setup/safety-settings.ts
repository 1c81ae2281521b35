import { z } from "zod";
import { addressSchema } from "../../kernel/address.js";

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time such as 09:00");

/** When the leads read members' messages, in each group's time zone. */
export const workingHoursSchema = z.strictObject({
  days: z.array(z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])).min(1),
  from: clockTime,
  to: clockTime,
});

/** Working hours: days of the week, from and to. */
export type WorkingHours = z.infer<typeof workingHoursSchema>;

/** Who answers an urgent alert when the leads have not: the clinician on call, then the care team. */
export const safetySettingsSchema = z.strictObject({
  /** The clinician (or rota address) on call, on any platform. */
  onCall: z.array(addressSchema).max(10).default([]),
  /** How long the leads have to acknowledge an urgent alert before it goes further, and how often it repeats. */
  acknowledgeWithinMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /** Outside these hours an urgent alert goes to the clinician on call at once. */
  workingHours: workingHoursSchema.optional(),
});

/** Validated safety settings. */
export type SafetySettings = z.infer<typeof safetySettingsSchema>;
