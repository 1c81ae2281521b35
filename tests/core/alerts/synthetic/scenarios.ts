// The planted events the synthetic checks look for, each with the alert it must raise and by which digest.
import type { AlertKind } from "../../../../src/core/alerts/index.js";
import type { Plan } from "./synthetic-group.js";

/** A planted event: what is planted, which alert it must raise, for which member (index), by the digest after which session. */
export interface Scenario {
  readonly name: string;
  readonly plan: Plan;
  readonly kind: AlertKind;
  readonly member?: number;
  readonly byDigestAfter: number;
  /** Planted in a small group (6 members, 4 of them answering) and judged on the figures its leads see. */
  readonly small?: boolean;
}

/** Everyone answers one session in full, so the change planted there has enough answers to be published. */
const fullSession = (full: number): Plan => ({
  answers: (_m, n) => (n === full ? 1 : 0.85),
  fullForm: (_m, n) => (n === full ? 1 : 0.9),
});

/** A rupture at session 5: Engaged down 2.5 points and Conflict up 2, partly recovering after. */
const rupture = (n: number) =>
  n === 5 ? { engaged: -2.5, conflict: 2 } : n > 5 ? { engaged: -1.5, conflict: 1.5 } : {};

/** A small group: 6 members, the first 4 answering every check-in in full, the other 2 never. */
const fourOfSixAnswer: Plan = { answers: (m) => (m < 4 ? 1 : 0), fullForm: () => 1 };

/** The planted events: the first five, then a fall from a later peak, a mid-group Conflict spike and a small group's rupture. */
export const scenarios: readonly Scenario[] = [
  {
    name: "a rupture at session 5 (Engaged down 2.5 points, Conflict up 2, partly recovering after)",
    plan: { ...fullSession(5), group: rupture },
    kind: "engagement-drop",
    byDigestAfter: 5,
  },
  {
    name: "a member drifting away (their Engaged 3, 2, 1, 0 in sessions 3-6 while the group stays near 4; everyone answers sessions 4-6)",
    plan: {
      memberLevel: (m, n) => (m === 0 && n >= 3 ? { engaged: 6 - n } : {}),
      answers: (m, n) => (m === 0 || (n >= 4 && n <= 6) ? 1 : 0.85),
      fullForm: (m, n) => (m === 0 || (n >= 4 && n <= 6) ? 1 : 0.9),
    },
    kind: "member-low-engagement",
    member: 0,
    byDigestAfter: 6,
  },
  {
    name: "a silent dropout (a member answers sessions 1-3, then nothing)",
    plan: { answers: (m, n) => (m === 1 ? (n <= 3 ? 1 : 0) : 0.85) },
    kind: "stopped-answering",
    member: 1,
    byDigestAfter: 5,
  },
  {
    name: "a member who can't come to sessions 4 and 5",
    plan: { rsvp: (m, n) => (m === 2 && (n === 4 || n === 5) ? "no" : undefined) },
    kind: "missed-sessions",
    member: 2,
    byDigestAfter: 5,
  },
  {
    name: "responses falling to three members from session 5 (two sessions in a row)",
    plan: { answers: (m, n) => (n >= 5 && m >= 3 ? 0 : 0.85) },
    kind: "low-response",
    byDigestAfter: 6,
  },
  {
    name: "a fall from a later peak (Engaged up 1 point in sessions 3-5, then 1.2 below that peak from session 6; everyone answers)",
    plan: {
      answers: () => 1,
      fullForm: () => 1,
      group: (n) => (n >= 3 && n <= 5 ? { engaged: 1 } : n >= 6 ? { engaged: -0.2 } : {}),
    },
    kind: "engagement-drop",
    byDigestAfter: 8,
  },
  {
    name: "a mid-group Conflict spike (Conflict up 2 points in session 4, the middle phase)",
    plan: { ...fullSession(4), group: (n) => (n === 4 ? { conflict: 2 } : {}) },
    kind: "concern-rise",
    byDigestAfter: 4,
  },
  {
    name: "a rupture at session 5 in a small group (6 members, 4 of them answering in full)",
    plan: { ...fourOfSixAnswer, group: rupture },
    kind: "engagement-drop",
    byDigestAfter: 5,
    small: true,
  },
];

/** A group improving steadily: Engaged up, Conflict down. */
export const improving: Plan = { group: (n) => ({ engaged: 0.15 * n, conflict: -0.1 * n }) };

/** A stable course where about two members in three answer each check-in. */
export const twoInThreeAnswer: Plan = { answers: () => 0.65 };

/** A stable small group: 6 members, 4 of them answering in full. */
export const smallStable: Plan = fourOfSixAnswer;
