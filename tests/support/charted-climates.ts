// Hand-made session climates for chart tests: published means with their sd and count, or suppressed cells.
import { type Aggregate, type SessionClimate, climateSeries } from "../../src/core/climate/index.js";
import type { Instrument } from "../../src/core/setup/index.js";
import { exampleContent } from "./example-setup.js";

/** A published aggregate [mean, sd, respondents], or the respondents of a suppressed one. */
export type Cell = readonly [number, number | null, number] | number;

function aggregate(cell: Cell): Aggregate {
  return typeof cell === "number"
    ? { shown: false, respondents: cell }
    : { shown: true, mean: cell[0], sd: cell[1], respondents: cell[2] };
}

/** One closed session of a group with Engaged, Avoiding and Conflict cells and responses against check-ins sent. */
export function climateOf(
  number: number,
  cells: { engaged: Cell; avoiding: Cell; conflict: Cell },
  responses: { respondents: number; invited: number; collecting?: boolean },
): SessionClimate {
  const startsAt = new Date(Date.UTC(2026, 11, 1 + 7 * (number - 1), 18));
  return {
    session: { number, startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000), cancelled: false, moved: false },
    collecting: responses.collecting ?? false,
    windowCloses: new Date(startsAt.getTime() + 75 * 3_600_000),
    invited: responses.invited,
    respondents: responses.respondents,
    responseRate: responses.invited === 0 ? null : responses.respondents / responses.invited,
    forms: responses.respondents,
    subscales: new Map([
      ["engaged", aggregate(cells.engaged)],
      ["avoiding", aggregate(cells.avoiding)],
      ["conflict", aggregate(cells.conflict)],
    ]),
    pulse: { shown: false, respondents: 0 },
    rsvp: { yes: 0, no: 0 },
    attendance: { source: "rsvp", count: 0, of: responses.invited },
  };
}

/** Five closed sessions of a group of 7: Engaged rises 3.1 -> 4.2, Avoiding stays near 2, Conflict rises mid-course; session 3 is suppressed. */
export const fiveSessions: readonly SessionClimate[] = [
  climateOf(
    1,
    { engaged: [3.1, 0.8, 6], avoiding: [2.0, 0.6, 6], conflict: [0.4, 0.5, 6] },
    { respondents: 6, invited: 7 },
  ),
  climateOf(
    2,
    { engaged: [3.4, 0.7, 5], avoiding: [2.1, 0.5, 5], conflict: [0.6, 0.5, 5] },
    { respondents: 5, invited: 7 },
  ),
  climateOf(3, { engaged: 3, avoiding: 3, conflict: 3 }, { respondents: 3, invited: 7 }),
  climateOf(
    4,
    { engaged: [3.9, 0.9, 5], avoiding: [1.9, 0.7, 5], conflict: [1.3, 0.9, 5] },
    { respondents: 5, invited: 7 },
  ),
  climateOf(
    5,
    { engaged: [4.2, 0.6, 7], avoiding: [2.0, 0.4, 7], conflict: [1.1, 0.6, 7] },
    { respondents: 7, invited: 7 },
  ),
];

/** The shipped GCQ-S instrument. */
export const gcq: Instrument = (() => {
  const instrument = exampleContent.instruments.get("gcq-s");
  if (!instrument) throw new Error("gcq-s missing");
  return instrument;
})();

/** The chart series of fiveSessions. */
export const fiveSessionSeries = climateSeries(fiveSessions, gcq);

/** An early phase from session 1 and a middle phase from session 4, as a chart marks them. */
export const earlyThenMiddle = [
  { session: 1, phase: "early" as const },
  { session: 4, phase: "middle" as const },
];
