// The alerts as computed before closed sessions' figures were stored (flagged items and member rules from every raw
// answer on each read): the oracle.
import {
  alertsFromFindings,
  groupFindings,
  immediateAlerts,
  type Alert,
  type AlertRecord,
  type Evidence,
} from "../../../../src/core/alerts/index.js";
import {
  countsInSession,
  sampleSd,
  type Observation,
  type SessionClimate,
} from "../../../../src/core/climate/index.js";
import { scoreForm } from "../../../../src/core/answers/index.js";
import { climateInstrument, type CoreContext } from "../../../../src/core/context.js";
import type { Group, Instrument } from "../../../../src/core/setup/index.js";
import type { GroupState } from "../../../../src/core/state.js";
import { indexAnswers, itemsOf } from "./legacy-climate.js";
import { legacyMemberFindings } from "./legacy-member-rules.js";

/** What the flagged items' series are drawn from: the group, its answers, its published climate and the privacy floor. */
interface ItemSeriesInput {
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
function legacyItemSeries({ group, state, gcq, climates, items, minResponses }: ItemSeriesInput) {
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

const oneDistressAnswer = {
  basis: "One answer, at the distress threshold your organisation set.",
  sureness: "One answer cannot say how they are: please check in with them. They were shown where to get help now.",
};
function describeImmediate(ctx: CoreContext, record: AlertRecord): Evidence {
  if (record.kind === "risk-text")
    return {
      what: "They sent Cohesion a message with words that can suggest risk.",
      basis: "One message. Cohesion only matches words; it cannot tell what they meant.",
      sureness: "Not known: a person needs to look, today. They were shown where to get help now.",
    };
  if (record.value === undefined)
    return {
      what: `In session ${record.session} one of their answers was at the distress threshold; the answer has since been erased at the member's or a lead's request.`,
      ...oneDistressAnswer,
    };
  const instrument = [...ctx.instruments.values()].find((i) => i.items.some((item) => item.id === record.item));
  const item = instrument?.items.find((i) => i.id === record.item);
  const label = instrument ? instrument.scale.labels[record.value - instrument.scale.min] : undefined;
  return {
    what: `In session ${record.session} they answered ${label ? `"${label}" (${record.value})` : String(record.value)} to "${item?.text ?? record.item}".`,
    ...oneDistressAnswer,
  };
}

/** The alerts of a group computed the old way, from the climates given. */
export function legacyAlerts(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  all: readonly SessionClimate[],
): Alert[] {
  const gcq = climateInstrument(ctx);
  const { trend, alerts: settings } = ctx.organisation.analytics;
  const { minResponses } = ctx.organisation.privacy;
  const items = legacyItemSeries({ group, state, gcq, climates: all, items: settings.flaggedItems, minResponses });
  const findings = [
    ...groupFindings(group, gcq, all, trend, settings, items),
    ...legacyMemberFindings(group, state, gcq, all, settings),
  ];
  const closesAt = new Map(all.filter((c) => !c.collecting).map((c) => [c.session.number, c.windowCloses]));
  return [
    ...alertsFromFindings(group.id, findings, closesAt, state.alerts),
    ...immediateAlerts(group.id, state.alerts, (record) => describeImmediate(ctx, record)),
  ].sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || a.id.localeCompare(b.id));
}
