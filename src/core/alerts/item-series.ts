import type { Observation, SessionClimate, SessionFigures } from "../climate/index.js";

/** What the flagged items' series are drawn from: the published climate, each closed session's figures, the items and the privacy floor. */
export interface ItemSeriesInput {
  readonly climates: readonly SessionClimate[];
  /** Each closed session's figures, by session number (see figuresOfClosed). */
  readonly figures: ReadonlyMap<number, SessionFigures>;
  readonly items: readonly string[];
  readonly minResponses: number;
}

/**
 * Each flagged item's group mean in every published session, from the full check-ins that count in that
 * session's climate, and only where at least `minResponses` members answered the item (the same floor as
 * the subscales). Sessions whose answers were erased have none.
 */
export function flaggedItemSeries({ climates, figures, items, minResponses }: ItemSeriesInput) {
  const series = new Map<string, Observation[]>(items.map((item) => [item, []]));
  for (const climate of climates.filter((c) => !c.collecting)) {
    const number = climate.session.number;
    for (const item of items) {
      const statistic = figures.get(number)?.items[item];
      if (!statistic || statistic.n < minResponses || statistic.sd === null || statistic.mean === null) continue;
      series.get(item)?.push({ session: number, mean: statistic.mean, se: statistic.sd / Math.sqrt(statistic.n) });
    }
  }
  return series;
}
