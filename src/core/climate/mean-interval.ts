/** Two-sided 95% critical values of Student's t for 1 to 30 degrees of freedom. */
const t95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 95% t critical value for `df` degrees of freedom; beyond 30 the value for 30 (slightly wider, so never overconfident). */
export function tCritical95(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError("degrees of freedom must be a positive integer");
  return t95[Math.min(df, t95.length) - 1] as number;
}

/** The 95% confidence interval of a mean from its sample sd and count, clipped to the scale; null without a spread. */
export function meanInterval(
  mean: number,
  sd: number | null,
  count: number,
  scale: { readonly min: number; readonly max: number },
): { readonly low: number; readonly high: number } | null {
  if (sd === null || count < 2) return null;
  const half = (tCritical95(count - 1) * sd) / Math.sqrt(count);
  return { low: Math.max(scale.min, mean - half), high: Math.min(scale.max, mean + half) };
}
