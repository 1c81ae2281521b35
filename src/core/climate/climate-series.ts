import type { Aggregate, SessionClimate } from "./climate.js";
import type { Instrument } from "../setup/index.js";
import { meanInterval } from "./mean-interval.js";

/** One session of one subscale on a chart: its published mean and 95% interval, or nulls when suppressed. */
export interface SeriesPoint {
  readonly session: number;
  readonly mean: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly respondents: number;
}

/** A subscale over sessions. */
export interface SubscaleSeries {
  readonly id: string;
  readonly name: string;
  readonly points: readonly SeriesPoint[];
}

/** Responses against check-ins sent for one session. */
export interface ResponsePoint {
  readonly session: number;
  readonly respondents: number;
  readonly invited: number;
  /** Share of check-ins answered, 0-1; null when none were sent. */
  readonly rate: number | null;
}

/** What a climate chart shows: closed sessions only, suppressed aggregates as nulls. */
export interface ClimateSeries {
  readonly sessions: readonly number[];
  readonly subscales: readonly SubscaleSeries[];
  readonly responses: readonly ResponsePoint[];
  readonly scale: { readonly min: number; readonly max: number };
}

/** The most sessions a chart shows (the latest); more would not be readable at chat-preview size. */
export const chartedSessions = 20;

function point(session: number, aggregate: Aggregate | undefined, scale: ClimateSeries["scale"]): SeriesPoint {
  if (!aggregate?.shown)
    return { session, mean: null, low: null, high: null, respondents: aggregate?.respondents ?? 0 };
  const interval = meanInterval(aggregate.mean, aggregate.sd, aggregate.respondents, scale);
  return {
    session,
    mean: aggregate.mean,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
    respondents: aggregate.respondents,
  };
}

/** The chartable climate of a group: its latest closed sessions (still-collecting ones have nothing to show yet). */
export function climateSeries(
  climates: readonly SessionClimate[],
  gcq: Instrument,
  limit = chartedSessions,
): ClimateSeries {
  const closed = climates.filter((climate) => !climate.collecting).slice(-limit);
  const scale = { min: gcq.scale.min, max: gcq.scale.max };
  return {
    sessions: closed.map((climate) => climate.session.number),
    subscales: gcq.subscales.map((subscale) => ({
      id: subscale.id,
      name: subscale.name,
      points: closed.map((climate) => point(climate.session.number, climate.subscales.get(subscale.id), scale)),
    })),
    responses: closed.map((climate) => ({
      session: climate.session.number,
      respondents: climate.respondents,
      invited: climate.invited,
      rate: climate.invited === 0 ? null : Math.min(1, climate.respondents / climate.invited),
    })),
    scale,
  };
}

/** Whether a series has at least one published mean worth drawing. */
export function hasPublishedMeans(series: ClimateSeries): boolean {
  return series.subscales.some((subscale) => subscale.points.some((p) => p.mean !== null));
}
