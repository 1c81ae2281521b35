import { z } from "zod";
import { slugSchema } from "./program.js";
import { checkPhraseSyntax } from "./risk-phrases.js";

/** How trends are estimated: an EWMA control chart for alerts, a Theil-Sen slope for describing direction. */
export const trendSettingsSchema = z.strictObject({
  /** EWMA weight of the newest session (1 = the session alone, smaller = smoother). */
  ewmaLambda: z.number().gt(0).max(1).default(0.5),
  /** Control limits at this many standard errors from the reference. */
  controlLimit: z.number().min(1).max(6).default(2.5),
  /** A single session beyond this many standard errors is a sudden change, whatever the smoothed trend says. */
  sessionLimit: z.number().min(1).max(8).default(2.75),
  /** Session-to-session variation of a stable group's mean (0-6 points), added to the sampling error. */
  sessionVariation: z.number().min(0).max(3).default(0.35),
  /** From this many published sessions a group's own session-to-session variation is estimated... */
  ownVariationFrom: z.number().int().min(3).max(52).default(4),
  /** ...and shrunk towards sessionVariation, which weighs as this many sessions. */
  variationPriorWeight: z.number().min(0).max(52).default(6),
  /** Sessions the Theil-Sen slope looks back over. */
  slopeWindow: z.number().int().min(3).max(52).default(6),
  /** Open-ended groups compare with this many sessions before the current one instead of their first two. */
  rollingWindow: z.number().int().min(2).max(52).default(6),
});

/** When group- and member-level alerts are raised. */
export const alertSettingsSchema = z.strictObject({
  /** The smallest change from the reference (0-6 points) worth an alert, however sure we are. */
  minChange: z.number().min(0.1).max(6).default(0.75),
  /** Avoiding or Conflict above its limit this many sessions in a row is "staying high", even mid-group. */
  staysHighSessions: z.number().int().min(2).max(20).default(3),
  /** Responses below this share of check-ins sent... */
  lowResponseRate: z.number().gt(0).max(1).default(0.5),
  /** ...for this many sessions in a row. */
  lowResponseSessions: z.number().int().min(1).max(10).default(2),
  /** The one subscale whose rise is common in the middle phase (Conflict)... */
  midGroupSubscale: slugSchema.default("conflict"),
  /** ...and how far (0-3 points) above its control limit it may go there without an alert. */
  midGroupRise: z.number().min(0).max(3).default(0.25),
  /** Climate items watched on their own at the group level (item 10, "rejected and distrusted"). */
  flaggedItems: z.array(slugSchema).max(12).default(["gcq-10"]),
  /** A member's Engaged this many points below the rest of the group's... */
  memberGap: z.number().min(0.5).max(6).default(1.5),
  /** ...in this many of their answered sessions in a row. */
  memberGapSessions: z.number().int().min(1).max(10).default(2),
  /** Sessions in a row a member said they can't come to. */
  missedInARow: z.number().int().min(2).max(10).default(2),
  /** Check-ins in a row left unanswered by a member who answered before. */
  silentCheckins: z.number().int().min(2).max(10).default(2),
});

/** An answer that alerts the leads at once: at or above, or at or below, a value of one item. */
export const distressRuleSchema = z
  .strictObject({ item: slugSchema, atOrAbove: z.number().int().optional(), atOrBelow: z.number().int().optional() })
  .refine(
    (rule) => (rule.atOrAbove === undefined) !== (rule.atOrBelow === undefined),
    "give exactly one of atOrAbove or atOrBelow",
  );

const keywordSchema = z
  .string()
  .trim()
  .min(3, "a risk keyword needs at least 3 characters")
  .max(80)
  .superRefine(checkPhraseSyntax);

/** Risk keywords a new program language starts with; a clinic replaces or extends them. */
export const defaultRiskKeywords = {
  en: [
    "suicide",
    "suicidal",
    "kill myself",
    "end my life",
    "end it all",
    "want to die",
    "better off dead",
    "no reason to live",
    "hurt myself",
    "harm myself",
    "self harm",
    "overdose",
    "can't go on",
    "cannot go on",
    "cant go on",
  ],
};

/** Where a member can get help now, when no organisation has said. */
export const defaultCrisisResources = [
  "If you are in danger or might act on thoughts of harming yourself, call your local emergency number now.",
  "You can also contact your care team or your doctor today.",
];

/** Analytics settings of an organisation: trends, alert thresholds, distress and risk signals, crisis resources. */
export const analyticsSettingsSchema = z.strictObject({
  trend: trendSettingsSchema.prefault({}),
  alerts: alertSettingsSchema.prefault({}),
  /** Answers that alert the leads at once; one on the pulse (the default, "Hard going") offers contact instead. */
  distress: z
    .array(distressRuleSchema)
    .max(20)
    .default([{ item: "pulse-1", atOrBelow: 1 }]),
  /** Phrases added to a language's urgent risk phrases (e.g. `en`), in the same syntax. */
  riskKeywords: z
    .record(z.string().regex(/^[a-z]{2,3}$/, "expected a language code such as en"), z.array(keywordSchema).min(1))
    .default(defaultRiskKeywords),
  /** Lines shown to a member at once after a distress answer or risky free text. */
  crisisResources: z.array(z.string().trim().min(1).max(300)).min(1).max(6).default(defaultCrisisResources),
});

/** Validated analytics settings. */
export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>;

/** A validated distress rule. */
export type DistressRule = z.infer<typeof distressRuleSchema>;
