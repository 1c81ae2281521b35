import type { Observation } from "./ewma.js";
import type { TrendSettings } from "./trend-settings.js";

// For a normal difference of two sessions, the median of its square is 0.455 times its variance.
const medianOfChiSquare1 = 0.455;

function excessOf(before: Observation, after: Observation): number {
  return (after.mean - before.mean) ** 2 / medianOfChiSquare1 - before.se ** 2 - after.se ** 2;
}

/** The median of values already in ascending order (never empty). */
function medianOfSorted(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function shrunk(excess: readonly number[], trend: TrendSettings): number {
  if (excess.length === 0) return trend.sessionVariation;
  const own = Math.max(0, medianOfSorted(excess) / 2);
  const weight = trend.variationPriorWeight;
  return Math.sqrt((excess.length * own + weight * trend.sessionVariation ** 2) / (excess.length + weight));
}

/**
 * How much a group's mean moves from session to session beyond sampling error, estimated from its own
 * published sessions once there are `ownVariationFrom` of them and shrunk towards `sessionVariation`
 * (weighted as `variationPriorWeight` sessions). It uses the median of successive differences, so a real
 * change of level (a jump) does not widen the limits that should catch it. Steps into a session of
 * `boundaries` (where the reference or the compared sessions begin) are left out.
 */
export function sessionVariationOf(
  series: readonly Observation[],
  trend: TrendSettings,
  boundaries: ReadonlySet<number | undefined> = new Set(),
): number {
  if (series.length < trend.ownVariationFrom) return trend.sessionVariation;
  const excess = series.slice(1).flatMap((after, i) => {
    if (boundaries.has(after.session)) return [];
    return [excessOf(series[i] as Observation, after)];
  });
  return shrunk(
    excess.sort((a, b) => a - b),
    trend,
  );
}

/**
 * `sessionVariationOf` for the sessions before each index of one series in turn, keeping the steps' excess sorted
 * as the series grows instead of sorting it again for every session: call it with indexes that never go back.
 */
export function variationsBefore(series: readonly Observation[], trend: TrendSettings) {
  const sorted: number[] = [];
  let steps = 0;
  return (index: number, boundaries: ReadonlySet<number | undefined>): number => {
    for (; steps + 1 < index; steps += 1) {
      const value = excessOf(series[steps] as Observation, series[steps + 1] as Observation);
      let at = sorted.length;
      while (at > 0 && (sorted[at - 1] as number) > value) at -= 1;
      sorted.splice(at, 0, value);
    }
    if (index < trend.ownVariationFrom) return trend.sessionVariation;
    const left = [...sorted];
    for (let step = 1; step < index; step += 1) {
      const after = series[step] as Observation;
      if (boundaries.has(after.session)) left.splice(left.indexOf(excessOf(series[step - 1] as Observation, after)), 1);
    }
    return shrunk(left, trend);
  };
}
