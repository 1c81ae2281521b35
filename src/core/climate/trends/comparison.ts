import type { SessionClimate } from "../climate.js";
import type { Observation } from "./ewma.js";

/** Sessions the EWMA runs over once they are compared with a recent window instead of the baseline. */
export const recentSessions = 3;

/** How many first published sessions form a group's baseline. */
export const baselineLength = 2;

/** Which way a subscale's score is better: "better" when higher is better (Engaged), "concerning" when higher is worse. */
export type HigherIs = "better" | "concerning";

/** What a series is compared against: whether the group is open-ended, which way is better, the recent window's length. */
export interface ComparisonOptions {
  readonly openEnded: boolean;
  readonly higherIs: HigherIs;
  readonly rollingWindow: number;
}

/** The sessions a session is compared with (its reference) and the sessions the EWMA runs over up to it. */
export interface Comparison {
  readonly reference: Observation[];
  readonly observations: Observation[];
}

/** A subscale's published session means, in order, each with its standard error (suppressed sessions left out). */
export function subscaleSeries(climates: readonly SessionClimate[], subscale: string): Observation[] {
  return climates.flatMap((climate) => {
    const aggregate = climate.subscales.get(subscale);
    if (climate.collecting || !aggregate?.shown || aggregate.sd === null) return [];
    return [
      { session: climate.session.number, mean: aggregate.mean, se: aggregate.sd / Math.sqrt(aggregate.respondents) },
    ];
  });
}

function meanOf(observations: readonly Observation[]): number {
  return observations.reduce((sum, o) => sum + o.mean, 0) / observations.length;
}

/**
 * What the session at `index` of a series is compared with. In a group's first part everything after the
 * baseline (its first two published sessions) is compared with that baseline. Once a recent window of two
 * sessions exists before them (from a course's fifth session), the last sessions (up to `recentSessions`) are
 * compared with that window, up to `rollingWindow` sessions long: always in an open-ended group (a year-long
 * group is judged against its recent self), and in a fixed course when that window (after the baseline) is
 * better than the baseline, so a rupture or a fall from a later peak counts from the group at its best.
 * Null for the baseline sessions themselves.
 */
export function comparisonAt(
  series: readonly Observation[],
  index: number,
  options: ComparisonOptions,
): Comparison | null {
  if (index < baselineLength || index >= series.length) return null;
  const baseline = {
    reference: series.slice(0, baselineLength),
    observations: series.slice(baselineLength, index + 1),
  };
  // A recent window needs baselineLength sessions of its own (after a course's baseline) before those compared with it.
  const first = options.openEnded ? 0 : baselineLength;
  const compared = Math.min(recentSessions, index + 1 - first - baselineLength);
  if (compared < 1) return baseline;
  const start = index - compared + 1;
  const windowStart = Math.max(first, start - options.rollingWindow);
  const recent = { reference: series.slice(windowStart, start), observations: series.slice(start, index + 1) };
  if (options.openEnded) return recent;
  const sign = options.higherIs === "better" ? 1 : -1;
  return sign * meanOf(recent.reference) > sign * meanOf(baseline.reference) ? recent : baseline;
}
