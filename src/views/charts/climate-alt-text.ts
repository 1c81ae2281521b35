import type { ClimateSeries, SeriesPoint, SubscaleSeries } from "../../core/climate/index.js";

/** Changes smaller than this many tenths (on the one-decimal figures people see) are described as holding steady. */
export const steadyWithinTenths = 3;

function oneDecimal(value: number): string {
  return value.toFixed(1);
}

function shown(points: readonly SeriesPoint[]): { session: number; mean: number }[] {
  return points.flatMap((p) => (p.mean === null ? [] : [{ session: p.session, mean: p.mean }]));
}

/** One subscale's trend in words, e.g. "Engaged rose from 3.1 to 4.2 over 5 sessions". */
export function subscaleTrend(subscale: SubscaleSeries): string {
  const points = shown(subscale.points);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `${subscale.name}: not enough answers yet`;
  if (first === last) return `${subscale.name} ${oneDecimal(first.mean)} at session ${first.session}`;
  // Compared in whole tenths, as shown, so that 2.0 -> 2.3 is a rise of exactly 0.3.
  const from = Math.round(first.mean * 10);
  const to = Math.round(last.mean * 10);
  const span = last.session - first.session + 1;
  if (Math.abs(to - from) < steadyWithinTenths) {
    const average = points.reduce((sum, p) => sum + p.mean, 0) / points.length;
    return `${subscale.name} held steady around ${oneDecimal(average)} over ${span} sessions`;
  }
  return `${subscale.name} ${to > from ? "rose" : "fell"} from ${oneDecimal(from / 10)} to ${oneDecimal(to / 10)} over ${span} sessions`;
}

/** "3", "3 and 5", "2, 3 and 5". */
function listed(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.join("");
  return `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}

/** The sessions where every subscale was suppressed. */
export function suppressedSessions(series: ClimateSeries): number[] {
  return series.sessions.filter((session) =>
    series.subscales.every((sub) => sub.points.find((p) => p.session === session)?.mean === null),
  );
}

/** What a climate chart shows, in words, for screen readers and wherever the picture cannot be seen. */
export function climateAltText(title: string, series: ClimateSeries): string {
  const first = series.sessions[0];
  const last = series.sessions.at(-1);
  const range = first === last ? `session ${first}` : `sessions ${first} to ${last}`;
  const parts = [
    `Group climate chart for ${title}, ${range}, on a ${series.scale.min} to ${series.scale.max} scale: ${series.subscales.map(subscaleTrend).join("; ")}.`,
  ];
  const latest = series.responses.at(-1);
  if (latest && latest.invited > 0)
    parts.push(`${latest.respondents} of ${latest.invited} check-ins answered at session ${latest.session}.`);
  const hidden = suppressedSessions(series);
  if (hidden.length > 0)
    parts.push(`Too few answers to show session${hidden.length > 1 ? "s" : ""} ${listed(hidden)}.`);
  return parts.join(" ");
}
