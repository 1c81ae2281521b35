import { type Aggregate, groupClimate } from "../../core/climate/index.js";
import { climateInstrument, type CoreContext } from "../../core/context.js";
import { toCsv, twoDecimals, type CsvCell } from "./csv.js";
import { coreInstruments, type Group } from "../../core/setup/index.js";
import { phaseOf } from "../../core/groups/index.js";
import type { GroupState } from "../../core/state.js";
import { DateTime } from "luxon";

/** A CSV file built from a group's state, and how many rows it has. */
export interface CsvExport {
  readonly data: Uint8Array;
  readonly rows: number;
}

/** The local date of an instant in the group's time zone, as yyyy-mm-dd. */
export function localDate(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).toISODate() ?? "";
}

function aggregateCells(aggregate: Aggregate | undefined): CsvCell[] {
  if (!aggregate) return [null, null, 0];
  if (!aggregate.shown) return [null, null, aggregate.respondents];
  return [twoDecimals(aggregate.mean), aggregate.sd === null ? null : twoDecimals(aggregate.sd), aggregate.respondents];
}

/**
 * The per-session climate of a group as CSV: one row per held session, with each subscale's and the
 * pulse's mean, sd and number of answers, its RSVPs, and how many came (`attendance_source` says whether a
 * lead recorded it or it is the RSVPs saying yes). A cell below the privacy floor, or of a session still
 * collecting answers, is left empty; its number of answers is still given.
 */
export function climateCsv(ctx: CoreContext, group: Group, state: Readonly<GroupState>, now: Date): CsvExport {
  const gcq = climateInstrument(ctx);
  const subscales = gcq.subscales.map((subscale) => subscale.id);
  const header = [
    "group",
    "session",
    "date",
    "phase",
    "status",
    "invited",
    "respondents",
    "response_rate",
    "full_checkins",
    ...[...subscales, coreInstruments.pulse].flatMap((id) => [`${id}_mean`, `${id}_sd`, `${id}_n`]),
    "rsvp_yes",
    "rsvp_no",
    "attendance",
    "attendance_source",
  ];
  const rows = groupClimate(ctx, group, state, now).map((climate) => [
    group.id,
    climate.session.number,
    localDate(climate.session.startsAt, group.timezone),
    phaseOf(group, climate.session.number),
    climate.collecting ? "collecting" : "published",
    climate.invited,
    climate.respondents,
    climate.invited === 0 ? null : twoDecimals(Math.min(1, climate.respondents / climate.invited)),
    climate.forms,
    ...subscales.flatMap((id) => aggregateCells(climate.subscales.get(id))),
    ...aggregateCells(climate.pulse),
    climate.rsvp.yes,
    climate.rsvp.no,
    climate.attendance.count,
    climate.attendance.source,
  ]);
  return { data: toCsv(header, rows), rows: rows.length };
}
