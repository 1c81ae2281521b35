import type { Aggregate, SessionClimate } from "../../core/climate/index.js";
import { type Group, type Instrument, type Program, sessionContent } from "../../core/setup/index.js";
import type { Block } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";

/** A number with one decimal, the way every score is shown. */
export function oneDecimal(value: number): string {
  return value.toFixed(1);
}

function signed(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded >= 0 ? `+${Math.abs(rounded).toFixed(1)}` : rounded.toFixed(1);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "" : ` (${Math.round((100 * part) / whole)}%)`;
}

/** "Engaged 4.4 (+0.3 vs baseline) · Avoiding 1.8 from 4 forms · ... · 5 full check-ins", or why there are no figures. */
export function scoresLine(
  climate: SessionClimate,
  gcq: Instrument,
  base: ReadonlyMap<string, number>,
  minResponses: number,
): string {
  const aggregates = gcq.subscales.map((subscale) => climate.subscales.get(subscale.id) as Aggregate);
  if (aggregates.every((aggregate) => !aggregate.shown)) {
    const fewest = Math.min(...aggregates.map((a) => a.respondents));
    const kept = climate.keptFrom ?? minResponses;
    // The leads' own floor is lower than the care team's, but after an erasure only the published figures are left.
    if (kept > minResponses && fewest >= minResponses)
      return `Group climate: not shown. Members' answers were erased since, so only the figures published to the care team are kept, and those need ${kept} answers (this session had ${fewest})`;
    return `Group climate: not enough responses yet (${fewest} of ${kept} needed)`;
  }
  const parts = gcq.subscales.map((subscale, i) => {
    const aggregate = aggregates[i] as Aggregate;
    if (!aggregate.shown) return `${subscale.name}: too few answers (${aggregate.respondents})`;
    const reference = base.get(subscale.id);
    const change = reference === undefined ? "" : ` (${signed(aggregate.mean - reference)} vs baseline)`;
    // Respondents differ between subscales when a form leaves all of one subscale's items out.
    const from = aggregate.respondents === climate.forms ? "" : ` from ${aggregate.respondents} forms`;
    return `${subscale.name} ${oneDecimal(aggregate.mean)}${change}${from}`;
  });
  return `${parts.join(" · ")} · ${climate.forms} full check-ins`;
}

/** What a session's lines are made from: the group, its program and instrument, and the floor its figures need. */
export interface SessionLinesInput {
  readonly group: Group;
  readonly program: Program;
  readonly gcq: Instrument;
  readonly minResponses: number;
  /** Whether the reader sees provisional figures while answers are open (a group's own leads). */
  readonly provisional?: boolean;
}

/** One session in a summary: heading, figures (provisional while answers are open, for the leads), pulse, responses and attendance. */
export function sessionBlock(
  climate: SessionClimate,
  { group, program, gcq, minResponses, provisional: entitled = false }: SessionLinesInput,
  base: ReadonlyMap<string, number>,
): Block {
  const { session, attendance } = climate;
  const topic = sessionContent(program, session.number)?.topic;
  const heading = `*Session ${session.number}* · ${formatLocal(session.startsAt, group.timezone, "date")}${topic ? ` · ${topic}` : ""}`;
  const rsvp =
    attendance.source === "recorded"
      ? `Attended ${attendance.count} of ${attendance.of} (recorded)`
      : `RSVP ${climate.rsvp.yes} yes, ${climate.rsvp.no} can't come`;
  const responses = `Responses ${climate.respondents} of ${climate.invited}${percent(climate.respondents, climate.invited)}`;
  const provisional = [...climate.subscales.values()].some((aggregate) => aggregate.shown);
  if (climate.collecting) {
    const until = formatLocal(climate.windowCloses, group.timezone, "day-time");
    const figures = provisional
      ? `Provisional, answers open until ${until}: ${scoresLine(climate, gcq, base, minResponses)}`
      : `Collecting answers until ${until}: figures appear ${entitled ? `from ${minResponses} answers` : "once it closes"}.`;
    return { type: "text", text: `${heading}\n${figures}\n${responses} so far · ${rsvp}` };
  }
  const pulse = climate.pulse.shown
    ? `Pulse ${oneDecimal(climate.pulse.mean)} (${climate.pulse.respondents} answers)`
    : "Pulse: not enough responses yet";
  return {
    type: "text",
    text: `${heading}\n${scoresLine(climate, gcq, base, minResponses)}\n${pulse} · ${responses} · ${rsvp}`,
  };
}
