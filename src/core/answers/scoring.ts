import type { Instrument } from "../setup/index.js";

/** One member's scored form: whether it counts, how many items were left out, and each subscale's score. */
export interface FormScore {
  valid: boolean;
  missing: number;
  subscales: Record<string, number | null>;
}

/** The arithmetic mean, or null when there are no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Throws a RangeError unless every answer is a known item with a whole value on the instrument's scale. */
export function assertAnswers(instrument: Instrument, answers: ReadonlyMap<string, number>): void {
  const { min, max } = instrument.scale;
  const known = new Set(instrument.items.map((item) => item.id));
  for (const [item, value] of answers) {
    if (!known.has(item)) throw new RangeError(`${instrument.id}: unknown item "${item}"`);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new RangeError(`${instrument.id}: ${item} = ${value} is not on the scale ${min}-${max}`);
  }
}

/** Scores a form: each subscale is the mean of its answered items (reverse items flipped), null if none answered. */
export function scoreForm(instrument: Instrument, answers: ReadonlyMap<string, number>): FormScore {
  assertAnswers(instrument, answers);
  const { min, max } = instrument.scale;
  const values = new Map<string, number[]>(instrument.subscales.map((subscale) => [subscale.id, []]));
  let missing = 0;
  for (const item of instrument.items) {
    const value = answers.get(item.id);
    if (value === undefined) missing += 1;
    else values.get(item.subscale)?.push(item.reverse ? min + max - value : value);
  }
  const subscales: Record<string, number | null> = {};
  for (const [subscale, answered] of values) subscales[subscale] = mean(answered);
  return { valid: missing <= instrument.maxMissing, missing, subscales };
}
