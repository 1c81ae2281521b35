import {
  countsInSession,
  indexAnswers,
  itemsOf,
  sampleSd,
  type Observation,
  type SessionClimate,
} from "../climate/index.js";
import { scoreForm } from "../answers/index.js";
import type { Group, Instrument } from "../setup/index.js";
import type { GroupState } from "../state.js";

/** What the flagged items' series are drawn from: the group, its answers, its published climate and the privacy floor. */
export interface ItemSeriesInput {
  readonly group: Group;
  readonly state: Readonly<GroupState>;
  readonly gcq: Instrument;
  readonly climates: readonly SessionClimate[];
  readonly items: readonly string[];
  readonly minResponses: number;
}

/**
 * Each flagged item's group mean in every published session, from the full check-ins that count in that
 * session's climate, and only where at least `minResponses` members answered the item (the same floor as
 * the subscales). Sessions whose answers were erased have none.
 */
export function flaggedItemSeries({ group, state, gcq, climates, items, minResponses }: ItemSeriesInput) {
  const answers = indexAnswers(state);
  const series = new Map<string, Observation[]>(items.map((item) => [item, []]));
  for (const climate of climates.filter((c) => !c.collecting)) {
    const { session, windowCloses } = climate;
    const byMember = answers.get(session.number);
    const answered = (member: string) => (byMember?.get(member)?.size ?? 0) > 0;
    const counts = countsInSession({ group, state, session, closes: windowCloses, now: windowCloses, answered });
    const forms = group.members
      .filter(counts)
      .map((member) => itemsOf(byMember?.get(member), gcq.id))
      .filter((form) => scoreForm(gcq, form).valid);
    for (const item of items) {
      const values = forms.flatMap((form) => form.get(item) ?? []);
      const sd = sampleSd(values);
      if (values.length < minResponses || sd === null) continue;
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      series.get(item)?.push({ session: session.number, mean, se: sd / Math.sqrt(values.length) });
    }
  }
  return series;
}
