/** The evidence-based principles for leaders (Burlingame et al. 2002), numbered as in Cohesion's domain notes. */
export const principles: Readonly<Record<number, string>> = {
  1: "pre-group preparation",
  2: "clarity of group process in early sessions",
  3: "group composition",
  4: "modelling real-time observations, with moderate control and warmth",
  5: "timing feedback to the group's stage and each member's readiness",
  6: "the leader's own emotional presence",
  7: "helping emotional expression, others' responsiveness to it, and shared meaning",
};

/** "Worth considering: principle 5 (...); principle 7 (...)", or an empty string when none apply. */
export function principlesLine(numbers: readonly number[]): string {
  if (numbers.length === 0) return "";
  return `Worth considering, if it fits: ${numbers.map((n) => `principle ${n} (${principles[n] ?? ""})`).join("; ")}.`;
}
