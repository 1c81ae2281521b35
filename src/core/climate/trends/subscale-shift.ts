import type { TrendSettings } from "./trend-settings.js";
import { comparisonAt } from "./comparison.js";
import { ewmaChart, referenceOf, type EwmaPoint, type Observation } from "./ewma.js";

/** How a published session's subscale stands against the group's own reference. */
export interface SubscaleShift {
  readonly session: number;
  /** The session's own mean. */
  readonly mean: number;
  readonly referenceMean: number;
  readonly referenceSessions: readonly number[];
  /** The EWMA minus the reference (the smoothed change), or the session's own change when that alone is beyond its limit. */
  readonly change: number;
  /** The change in standard errors of a stable group (how sure we are it is real). */
  readonly z: number;
  /** Beyond the control limit and at least minChange: "up", "down", or null when within. */
  readonly beyond: "up" | "down" | null;
}

/** The shift of every comparable session of a subscale series (baseline sessions have none). */
export function subscaleShifts(
  series: readonly Observation[],
  openEnded: boolean,
  trend: TrendSettings,
  minChange: number,
): SubscaleShift[] {
  return series.flatMap((observation, index) => {
    const comparison = comparisonAt(series, index, openEnded, trend.rollingWindow);
    const reference = comparison && referenceOf(comparison.reference, trend.sessionVariation);
    if (!comparison || !reference) return [];
    const parameters = {
      lambda: trend.ewmaLambda,
      limit: trend.controlLimit,
      sessionVariation: trend.sessionVariation,
    };
    const smoothed = ewmaChart(comparison.observations, reference, parameters).at(-1);
    // The session alone (an EWMA with lambda 1) catches a sudden rupture the smoothed trend would dilute.
    const alone = ewmaChart([observation], reference, { ...parameters, lambda: 1, limit: trend.sessionLimit })[0];
    if (!smoothed || !alone) return [];
    const beyondOf = (point: EwmaPoint) =>
      Math.abs(point.deviation) < minChange
        ? null
        : point.ewma > point.upper
          ? "up"
          : point.ewma < point.lower
            ? "down"
            : null;
    const point = beyondOf(smoothed) === null && beyondOf(alone) !== null ? alone : smoothed;
    const beyond = beyondOf(point);
    return [
      {
        session: observation.session,
        mean: observation.mean,
        referenceMean: reference.mean,
        referenceSessions: reference.sessions,
        change: point.deviation,
        z: point.se === 0 ? 0 : point.deviation / point.se,
        beyond,
      },
    ];
  });
}
