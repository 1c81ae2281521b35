// The charts the chart benchmarks draw: a summary's group charts after 8, 20 and 52 sessions, and three overviews.
import { climateSeries, type ClimateSeries } from "../src/core/climate/index.js";
import type { Phase } from "../src/core/groups/index.js";
import type { ChartSpec } from "../src/kernel/ports.js";
import type { ChartSize } from "../src/views/charts/chart-style.js";
import type { climateChartSpec } from "../src/views/charts/climate-chart.js";
import type { overviewChartSpec } from "../src/views/charts/overview-chart.js";
import { climateOf, gcq } from "../tests/support/charted-climates.js";

/** The chart builders a case draws with (this tree's, or another checkout's for a comparison). */
export interface ChartBuilders {
  readonly climateChartSpec: typeof climateChartSpec;
  readonly overviewChartSpec: typeof overviewChartSpec;
}

/** A chart to draw: its name, and its spec for each drawing (every drawing is of another group). */
export interface ChartCase {
  readonly name: string;
  readonly spec: (run: number) => ChartSpec;
}

/** A deterministic course: Engaged rising, Conflict peaking mid-course, one suppressed session. */
function course(sessions: number, seed: number) {
  return Array.from({ length: sessions }, (_, i) => {
    const n = i + 1;
    if (n === 3) return climateOf(n, { engaged: 4, avoiding: 4, conflict: 4 }, { respondents: 4, invited: 8 });
    const wobble = ((seed * 7 + n * 13) % 10) / 20;
    return climateOf(
      n,
      {
        engaged: [3 + (n % 20) * 0.12 + wobble, 0.8, 6],
        avoiding: [2 - wobble, 0.6, 6],
        conflict: [0.5 + Math.sin((n / sessions) * Math.PI) + wobble, 0.7, 6],
      },
      { respondents: 6, invited: 8 },
    );
  });
}

/** Early phase from session 1, middle from 4, late from 6, as the charted sessions see them. */
function phasesOf(series: ClimateSeries) {
  const phaseAt = (session: number): Phase => (session >= 6 ? "late" : session >= 4 ? "middle" : "early");
  return series.sessions.flatMap((session, i) =>
    i === 0 || phaseAt(session) !== phaseAt(series.sessions[i - 1] ?? 0) ? [{ session, phase: phaseAt(session) }] : [],
  );
}

const groupNames = [
  "Chronic pain skills, Tuesday evening",
  "Supportive-expressive group, Thursday",
  "Diabetes, Monday",
];

/** A group's chart after `sessions` sessions; each run is another group (name and figures), as a summary run sees. */
export function groupChart(builders: ChartBuilders, sessions: number, size: ChartSize): ChartCase {
  return {
    name: `group chart, ${size}, ${sessions} sessions`,
    spec: (run) => {
      const series = climateSeries(course(sessions, run), gcq);
      return builders.climateChartSpec(`${groupNames[run % 3] ?? ""} ${run}`, series, phasesOf(series), size);
    },
  };
}

function overview(builders: ChartBuilders, count: number, size: ChartSize): ChartCase {
  return {
    name: `overview, ${size}, ${count} groups`,
    spec: (run) =>
      builders.overviewChartSpec(
        Array.from({ length: count }, (_, i) => ({
          title: `Group ${i + 1}, ${["Tuesday", "Thursday", "Monday"][(i + run) % 3]}`,
          series: climateSeries(course(4 + (i % 6), i + run), gcq),
        })),
        size,
      ),
  };
}

/** Every case, group charts first. */
export function chartCases(builders: ChartBuilders): ChartCase[] {
  return [
    ...[8, 20, 52].flatMap((sessions) =>
      (["compact", "full"] as const).map((size) => groupChart(builders, sessions, size)),
    ),
    overview(builders, 2, "full"),
    overview(builders, 20, "full"),
    overview(builders, 20, "compact"),
  ];
}

/** The median of some figures. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
