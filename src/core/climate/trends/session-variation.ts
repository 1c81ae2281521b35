import type { Observation } from "./ewma.js";
import { median } from "./theil-sen.js";
import type { TrendSettings } from "./trend-settings.js";

// For a normal difference of two sessions, the median of its square is 0.455 times its variance.
const medianOfChiSquare1 = 0.455;

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
    const before = series[i] as Observation;
    if (boundaries.has(after.session)) return [];
    return [(after.mean - before.mean) ** 2 / medianOfChiSquare1 - before.se ** 2 - after.se ** 2];
  });
  if (excess.length === 0) return trend.sessionVariation;
  const own = Math.max(0, (median(excess) as number) / 2);
  const weight = trend.variationPriorWeight;
  return Math.sqrt((excess.length * own + weight * trend.sessionVariation ** 2) / (excess.length + weight));
}
