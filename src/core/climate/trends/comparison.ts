import type { SessionClimate } from "../climate.js";
import type { Observation } from "./ewma.js";

/** Sessions of an open-ended group that the EWMA runs over before comparing with the rolling reference before them. */
export const recentSessions = 3;

/** How many first published sessions form a group's baseline. */
export const baselineLength = 2;

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

/**
 * What the session at `index` of a series is compared with. A fixed course (and an open-ended group
 * in its first sessions) compares everything after its baseline with that baseline, its first two
 * published sessions. An open-ended group later compares its last few sessions with the `rollingWindow`
 * sessions before them, so a year-long group is judged against its recent self, not its first month.
 * Null for the baseline sessions themselves.
 */
export function comparisonAt(
  series: readonly Observation[],
  index: number,
  openEnded: boolean,
  rollingWindow: number,
): { reference: Observation[]; observations: Observation[] } | null {
  if (index < baselineLength || index >= series.length) return null;
  const rolling = openEnded && index >= baselineLength + recentSessions;
  if (!rolling)
    return { reference: series.slice(0, baselineLength), observations: series.slice(baselineLength, index + 1) };
  const start = index - recentSessions + 1;
  return {
    reference: series.slice(Math.max(0, start - rollingWindow), start),
    observations: series.slice(start, index + 1),
  };
}
