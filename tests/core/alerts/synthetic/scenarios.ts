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
}

/** Everyone answers session 5 in full, so the planted rupture has enough answers to be published. */
const fullSession5: Plan = { answers: (_m, n) => (n === 5 ? 1 : 0.85), fullForm: (_m, n) => (n === 5 ? 1 : 0.9) };

/** The planted events of the issue: a rupture at session 5, a member drifting away, a silent dropout; and two more. */
export const scenarios: readonly Scenario[] = [
  {
    name: "a rupture at session 5 (Engaged down 2.5 points, Conflict up 2, partly recovering after)",
    plan: {
      ...fullSession5,
      group: (n) => (n === 5 ? { engaged: -2.5, conflict: 2 } : n > 5 ? { engaged: -1.5, conflict: 1.5 } : {}),
    },
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
    name: "responses falling to three members from session 5",
    plan: { answers: (m, n) => (n >= 5 && m >= 3 ? 0 : 0.85) },
    kind: "low-response",
    byDigestAfter: 5,
  },
];

/** A group improving steadily: Engaged up, Conflict down. */
export const improving: Plan = { group: (n) => ({ engaged: 0.15 * n, conflict: -0.1 * n }) };
