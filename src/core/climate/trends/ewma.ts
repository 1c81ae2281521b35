/** One session's estimate: its mean and the standard error of that mean. */
export interface Observation {
  readonly session: number;
  readonly mean: number;
  readonly se: number;
}

/** What a group is compared with: the mean of its reference sessions and that mean's variance. */
export interface Reference {
  readonly mean: number;
  readonly variance: number;
  readonly sessions: readonly number[];
}

/** The EWMA chart's parameters: the newest session's weight, the limit in standard errors, the between-session variation. */
export interface EwmaParameters {
  readonly lambda: number;
  readonly limit: number;
  readonly sessionVariation: number;
}

/** One point of an EWMA control chart. */
export interface EwmaPoint {
  readonly session: number;
  readonly ewma: number;
  /** The EWMA minus the reference. */
  readonly deviation: number;
  /** The standard error of that deviation if nothing had changed. */
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * An EWMA control chart of session means against a reference, started at the reference mean. Each
 * session's variance is its sampling error plus the variation of a stable group between sessions; the
 * limits also carry the reference's own uncertainty, so a baseline of two sessions is not over-trusted.
 */
export function ewmaChart(
  observations: readonly Observation[],
  reference: Reference,
  parameters: EwmaParameters,
): EwmaPoint[] {
  const points: EwmaPoint[] = [];
  ewmaRun(observations, reference, parameters, (point) => points.push(point));
  return points;
}

/** The last point of `ewmaChart` (undefined without observations), without keeping the others. */
export function ewmaLatest(
  observations: readonly Observation[],
  reference: Reference,
  parameters: EwmaParameters,
): EwmaPoint | undefined {
  let latest: EwmaPoint | undefined;
  ewmaRun(observations, reference, parameters, (point) => (latest = point), observations.length - 1);
  return latest;
}

function ewmaRun(
  observations: readonly Observation[],
  reference: Reference,
  { lambda, limit, sessionVariation }: EwmaParameters,
  emit: (point: EwmaPoint) => void,
  from = 0,
): void {
  const tau2 = sessionVariation ** 2;
  let ewma = reference.mean;
  let sampling = 0;
  let referenceWeight = 1;
  observations.forEach((observation, index) => {
    ewma = lambda * observation.mean + (1 - lambda) * ewma;
    sampling = (1 - lambda) ** 2 * sampling + lambda ** 2 * (observation.se ** 2 + tau2);
    referenceWeight *= 1 - lambda;
    if (index < from) return;
    const se = Math.sqrt(sampling + (1 - referenceWeight) ** 2 * reference.variance);
    emit({
      session: observation.session,
      ewma,
      deviation: ewma - reference.mean,
      se,
      lower: reference.mean - limit * se,
      upper: reference.mean + limit * se,
    });
  });
}

/** A reference from session means and their standard errors, each also varying between sessions by `sessionVariation`. */
export function referenceOf(observations: readonly Observation[], sessionVariation: number): Reference | null {
  if (observations.length === 0) return null;
  const k = observations.length;
  const mean = observations.reduce((sum, o) => sum + o.mean, 0) / k;
  const variance = observations.reduce((sum, o) => sum + o.se ** 2 + sessionVariation ** 2, 0) / k ** 2;
  return { mean, variance, sessions: observations.map((o) => o.session) };
}
