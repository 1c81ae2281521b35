import type { Address } from "../../kernel/address.js";
import { localDate, type CsvExport } from "./climate-export.js";
import { checkinInstruments, climateInstrument, pulseInstrument, type CoreContext } from "../../core/context.js";
import { toCsv, twoDecimals, type CsvCell } from "./csv.js";
import type { Group } from "../../core/setup/index.js";
import { phaseOf, sessionByNumber } from "../../core/groups/index.js";
import { memberCode } from "../../core/privacy/index.js";
import { scoreForm } from "../../core/answers/index.js";
import type { GroupState } from "../../core/state.js";

/** Stored answers grouped by session and member, each as instrument -> item -> value. */
function answersBySessionAndMember(
  state: Readonly<GroupState>,
): Map<number, Map<Address, Map<string, Map<string, number>>>> {
  const grouped = new Map<number, Map<Address, Map<string, Map<string, number>>>>();
  for (const [key, answer] of Object.entries(state.answers)) {
    // The key is member|session|instrument|item; read from the right so any "|" in an address stays with it.
    const parts = key.split("|");
    const [item = "", instrument = "", session = ""] = parts.splice(-3).reverse();
    const member = parts.join("|") as Address;
    const bySession = grouped.get(Number(session)) ?? new Map<Address, Map<string, Map<string, number>>>();
    grouped.set(Number(session), bySession);
    const byMember = bySession.get(member) ?? new Map<string, Map<string, number>>();
    bySession.set(member, byMember);
    const items = byMember.get(instrument) ?? new Map<string, number>();
    byMember.set(instrument, items);
    items.set(item, answer.value);
  }
  return grouped;
}

/**
 * Every member's answers as CSV, one row per member and session answered, under pseudonymous member
 * codes (never names or platform ids), sorted by session and code so row order reveals nothing either.
 * Subscale scores are given for forms that count (no more than the instrument's allowed items missing).
 * The items of the group's own check-in instruments (a distress thermometer) follow, one column each.
 */
export function answersCsv(ctx: CoreContext, group: Group, state: Readonly<GroupState>, key: Buffer): CsvExport {
  const gcq = climateInstrument(ctx);
  const pulse = pulseInstrument(ctx);
  const clinic = checkinInstruments(ctx, group).flatMap((instrument) =>
    instrument.items.map((item) => ({ instrument: instrument.id, item: item.id })),
  );
  const header = [
    "member_code",
    "session",
    "date",
    "phase",
    ...pulse.items.map((item) => item.id),
    ...gcq.items.map((item) => item.id),
    ...gcq.subscales.map((subscale) => subscale.id),
    "form_counts",
    ...clinic.map(({ item }) => item),
  ];
  const rows: { code: string; session: number; cells: CsvCell[] }[] = [];
  for (const [session, byMember] of answersBySessionAndMember(state)) {
    const startsAt = sessionByNumber(group, session)?.startsAt;
    for (const [member, answers] of byMember) {
      const code = memberCode(key, group.id, member);
      const pulseItems = answers.get(pulse.id) ?? new Map<string, number>();
      const gcqItems = answers.get(gcq.id) ?? new Map<string, number>();
      const score = gcqItems.size > 0 ? scoreForm(gcq, gcqItems) : undefined;
      const scores = gcq.subscales.map((subscale) => {
        const value = score?.valid ? score.subscales[subscale.id] : null;
        return value === null || value === undefined ? null : twoDecimals(value);
      });
      rows.push({
        code,
        session,
        cells: [
          code,
          session,
          startsAt ? localDate(startsAt, group.timezone) : null,
          phaseOf(group, session),
          ...pulse.items.map((item) => pulseItems.get(item.id) ?? null),
          ...gcq.items.map((item) => gcqItems.get(item.id) ?? null),
          ...scores,
          score === undefined ? null : score.valid ? "yes" : "no",
          ...clinic.map(({ instrument, item }) => answers.get(instrument)?.get(item) ?? null),
        ],
      });
    }
  }
  rows.sort((a, b) => a.session - b.session || a.code.localeCompare(b.code));
  return {
    data: toCsv(
      header,
      rows.map((row) => row.cells),
    ),
    rows: rows.length,
  };
}
