import type { TrendSettings } from "./trend-settings.js";
import { comparisonAt, type ComparisonOptions } from "./comparison.js";
import { ewmaChart, ewmaLatest, referenceOf, type EwmaPoint, type Observation } from "./ewma.js";
import { sessionVariationOf, variationsBefore } from "./session-variation.js";

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
  /** How far (in points) the smoothed trend or the session alone is beyond its limit; 0 when within. */
  readonly beyondBy: number;
  /** The session-to-session variation the limits were built with (the group's own estimate, or the configured one). */
  readonly sessionVariation: number;
}

function beyondOf(point: EwmaPoint, minChange: number): "up" | "down" | null {
  if (Math.abs(point.deviation) < minChange) return null;
  return point.ewma > point.upper ? "up" : point.ewma < point.lower ? "down" : null;
}

function excessOf(point: EwmaPoint, direction: "up" | "down"): number {
  return Math.max(0, direction === "up" ? point.ewma - point.upper : point.lower - point.ewma);
}

type ShiftOptions = Omit<ComparisonOptions, "rollingWindow">;

/** The shift of the session at `index`, with the session-to-session variation of the sessions before it. */
function shiftAt(
  series: readonly Observation[],
  index: number,
  options: ShiftOptions,
  trend: TrendSettings,
  minChange: number,
  variationBefore: (index: number, boundaries: ReadonlySet<number | undefined>) => number,
): SubscaleShift | undefined {
  const observation = series[index];
  const comparison = comparisonAt(series, index, { ...options, rollingWindow: trend.rollingWindow });
  if (!observation || !comparison) return undefined;
  // Estimated from the sessions before this one, so a sudden change cannot widen its own limits, and without
  // the steps into the reference and into the compared sessions, where a change of level to catch may lie.
  const boundaries = new Set([comparison.reference[0]?.session, comparison.observations[0]?.session]);
  const sessionVariation = variationBefore(index, boundaries);
  const reference = referenceOf(comparison.reference, sessionVariation);
  if (!reference) return undefined;
  const parameters = { lambda: trend.ewmaLambda, limit: trend.controlLimit, sessionVariation };
  const smoothed = ewmaLatest(comparison.observations, reference, parameters);
  // The session alone (an EWMA with lambda 1) catches a sudden rupture the smoothed trend would dilute.
  const alone = ewmaChart([observation], reference, { ...parameters, lambda: 1, limit: trend.sessionLimit })[0];
  if (!smoothed || !alone) return undefined;
  const point = beyondOf(smoothed, minChange) === null && beyondOf(alone, minChange) !== null ? alone : smoothed;
  const beyond = beyondOf(point, minChange);
  return {
    session: observation.session,
    mean: observation.mean,
    referenceMean: reference.mean,
    referenceSessions: reference.sessions,
    change: point.deviation,
    z: point.se === 0 ? 0 : point.deviation / point.se,
    beyond,
    beyondBy: beyond === null ? 0 : Math.max(excessOf(smoothed, beyond), excessOf(alone, beyond)),
    sessionVariation,
  };
}

/** The shift of every comparable session of a subscale series (baseline sessions have none). */
export function subscaleShifts(
  series: readonly Observation[],
  options: ShiftOptions,
  trend: TrendSettings,
  minChange: number,
): SubscaleShift[] {
  const variationBefore = variationsBefore(series, trend);
  return series.flatMap((_, index) => shiftAt(series, index, options, trend, minChange, variationBefore) ?? []);
}

/** The shift of a series' latest session (the last of `subscaleShifts`), or undefined while it is a baseline session. */
export function latestSubscaleShift(
  series: readonly Observation[],
  options: ShiftOptions,
  trend: TrendSettings,
  minChange: number,
): SubscaleShift | undefined {
  const variationBefore = (index: number, boundaries: ReadonlySet<number | undefined>) =>
    sessionVariationOf(series.slice(0, index), trend, boundaries);
  return shiftAt(series, series.length - 1, options, trend, minChange, variationBefore);
}
