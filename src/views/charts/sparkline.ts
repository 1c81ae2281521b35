import { suppressedSessions } from "./climate-alt-text.js";
import type { ClimateSeries } from "../../core/climate/index.js";

const bars = "▁▂▃▄▅▆▇█";

/** Marks a session with nothing to show (too few answers, or no check-ins sent). */
export const gap = "·";

/** A text sparkline of values on [min, max], one character per value; null values are gaps. */
export function sparkline(values: readonly (number | null)[], min: number, max: number): string {
  return values
    .map((value) => {
      if (value === null) return gap;
      const level = Math.round(((Math.min(max, Math.max(min, value)) - min) / (max - min)) * (bars.length - 1));
      return bars[level] ?? gap;
    })
    .join("");
}

function ends(values: readonly (number | null)[], format: (value: number) => string): string {
  const present = values.filter((value): value is number => value !== null);
  const first = present[0];
  const last = present.at(-1);
  if (first === undefined || last === undefined) return "not enough answers yet";
  return present.length === 1 ? format(first) : `${format(first)} → ${format(last)}`;
}

/** A climate chart as text for terminals: a sparkline per subscale and for the share answered, with first and latest figures. */
export function climateSparklines(series: ClimateSeries): string {
  const rows = [
    ...series.subscales.map((subscale) => {
      const values = subscale.points.map((p) => p.mean);
      return [
        subscale.name,
        sparkline(values, series.scale.min, series.scale.max),
        ends(values, (v) => v.toFixed(1)),
      ] as const;
    }),
    (() => {
      const rates = series.responses.map((r) => r.rate);
      return ["Answered", sparkline(rates, 0, 1), ends(rates, (v) => `${Math.round(v * 100)}%`)] as const;
    })(),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const first = series.sessions[0];
  const last = series.sessions.at(-1);
  const notes = [
    first === last ? `session ${first}` : `sessions ${first}-${last}`,
    `scale ${series.scale.min}-${series.scale.max}`,
  ];
  if (suppressedSessions(series).length > 0) notes.push(`${gap} too few answers`);
  return [
    ...rows.map(([name, line, figures]) => `${name.padEnd(width)}  ${line}  ${figures}`),
    `(${notes.join("; ")})`,
  ].join("\n");
}
