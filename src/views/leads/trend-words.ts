import type { Alert } from "../../core/alerts/index.js";
import { type SessionClimate, subscaleSeries, theilSen, type TrendSettings } from "../../core/climate/index.js";
import type { Group, Instrument } from "../../core/setup/index.js";
import { phaseOf } from "../../core/groups/index.js";

/** Slopes smaller than this (points a session) read as steady. */
const steadySlope = 0.1;
/** Fewer pairs of sessions agreeing than this reads as no clear direction. */
const clearAgreement = 0.7;

/** Where an open group-level alert says a subscale stands against its reference: "below", "above", or undefined. */
function alertedSide(alerts: readonly Alert[], subscale: string): "below" | "above" | undefined {
  const open = alerts.find((a) => a.level === "group" && a.subscale === subscale && a.status !== "resolved");
  if (!open) return undefined;
  return open.kind === "engagement-drop" ? "below" : "above";
}

/** One line per subscale on its direction over the recent published sessions (Theil-Sen), once there are three; never "steady" beside an open alert about it. */
export function trendLines(
  gcq: Instrument,
  climates: readonly SessionClimate[],
  trend: TrendSettings,
  alerts: readonly Alert[] = [],
): string[] {
  return gcq.subscales.flatMap((subscale) => {
    const series = subscaleSeries(climates, subscale.id).slice(-trend.slopeWindow);
    const fit = theilSen(series.map((o) => ({ x: o.session, y: o.mean })));
    if (!fit) return [];
    const pairs = (fit.points * (fit.points - 1)) / 2;
    const agreeing = Math.round(fit.agreement * pairs);
    const span = `sessions ${series[0]?.session}-${series.at(-1)?.session}`;
    const side = alertedSide(alerts, subscale.id);
    const still = side ? `, still ${side} its reference (an alert is open)` : "";
    if (Math.abs(fit.slope) < steadySlope || fit.agreement < clearAgreement)
      return [
        side
          ? `${subscale.name} ${side} its reference over ${span} (an alert is open)`
          : `${subscale.name} steady over ${span}`,
      ];
    const sign = fit.slope > 0 ? "+" : "-";
    const towardsAlert = (side === "below") === fit.slope < 0;
    return [
      `${subscale.name} ${fit.slope > 0 ? "rising" : "falling"}, about ${sign}${Math.abs(fit.slope).toFixed(1)} a session over ${span} (${agreeing} of ${pairs} pairs of sessions agree)${side && !towardsAlert ? still : ""}`,
    ];
  });
}

/** A calm word when Avoiding or Conflict is up in the middle phase, where a rise is common (never beside an open alert about it); empty otherwise. */
export function midGroupNote(
  group: Group,
  gcq: Instrument,
  climates: readonly SessionClimate[],
  baseline: ReadonlyMap<string, number>,
  alerts: readonly Alert[] = [],
): string {
  const last = climates.filter((c) => !c.collecting).at(-1);
  if (!last || phaseOf(group, last.session.number) !== "middle") return "";
  const up = gcq.subscales.filter((subscale) => {
    const aggregate = last.subscales.get(subscale.id);
    const reference = baseline.get(subscale.id);
    return (
      subscale.higherIs === "concerning" &&
      alertedSide(alerts, subscale.id) === undefined &&
      aggregate?.shown === true &&
      reference !== undefined &&
      aggregate.mean > reference
    );
  });
  if (up.length === 0) return "";
  const names = up.map((s) => s.name).join(" and ");
  return `${names} ${up.length === 1 ? "is" : "are"} up in the middle phase, where a rise is common and usually eases: worth noticing, not alarming.`;
}
