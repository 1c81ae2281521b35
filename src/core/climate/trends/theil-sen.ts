/** A point of a series: a session number and its value. */
export interface SlopePoint {
  readonly x: number;
  readonly y: number;
}

/** A robust straight-line trend: the median of pairwise slopes, and how many pairs agree with its sign. */
export interface TheilSen {
  /** Change per session. */
  readonly slope: number;
  readonly intercept: number;
  readonly points: number;
  /** Share of pairs of sessions whose own slope has the same sign as the trend (0-1); 1 means every pair agrees. */
  readonly agreement: number;
}

/** The median of a list of numbers, or null when it is empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The Theil-Sen trend of a series; null with fewer than three points, because two cannot show a direction robustly. */
export function theilSen(points: readonly SlopePoint[]): TheilSen | null {
  if (points.length < 3) return null;
  const slopes: number[] = [];
  points.forEach((a, i) => {
    for (const b of points.slice(i + 1)) if (b.x !== a.x) slopes.push((b.y - a.y) / (b.x - a.x));
  });
  const slope = median(slopes);
  if (slope === null) return null;
  const intercept = median(points.map((p) => p.y - slope * p.x)) as number;
  const direction = Math.sign(slope);
  const agreeing =
    direction === 0 ? slopes.filter((s) => s === 0).length : slopes.filter((s) => Math.sign(s) === direction).length;
  return { slope, intercept, points: points.length, agreement: agreeing / slopes.length };
}
