import { subscaleSeries, type SessionClimate } from "../../core/climate/index.js";
import type { Instrument } from "../../core/setup/index.js";
import { oneDecimal } from "./session-lines.js";

/** One line for the sessions before the ones a summary shows: each subscale's range of published means, or "" when there are none. */
export function historyLine(gcq: Instrument, earlier: readonly SessionClimate[]): string {
  const first = earlier[0]?.session.number;
  const last = earlier.at(-1)?.session.number;
  if (first === undefined || last === undefined) return "";
  const span = first === last ? `Session ${first}` : `Sessions ${first}-${last}`;
  const ranges = gcq.subscales.flatMap((subscale) => {
    const means = subscaleSeries(earlier, subscale.id).map((o) => o.mean);
    if (means.length === 0) return [];
    const [low, high] = [Math.min(...means), Math.max(...means)].map(oneDecimal);
    return [`${subscale.name} ${low === high ? low : `${low}-${high}`}`];
  });
  return `${span}: ${ranges.length > 0 ? ranges.join(" · ") : "too few answers to show figures"}.`;
}
