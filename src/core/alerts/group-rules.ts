import {
  type Observation,
  type SessionClimate,
  subscaleSeries,
  subscaleShifts,
  type SubscaleShift,
  type AlertSettings,
  type TrendSettings,
} from "../climate/index.js";
import type { Group, Instrument } from "../setup/index.js";
import { phaseOf } from "../groups/index.js";
import { surenessOf, type Finding } from "./alert.js";
import { basisOf, oneDecimal, referenceWords } from "./finding-words.js";
import { flaggedItemFindings } from "./item-rules.js";
import { isCommonMidGroupRise } from "./mid-group.js";

/** Engaged (or any subscale where higher is better) clearly below the group's own reference. */
function engagementDrops(
  name: string,
  shifts: readonly SubscaleShift[],
  climates: ReadonlyMap<number, SessionClimate>,
  subscale: string,
  limit: number,
): Finding[] {
  return shifts
    .filter((shift) => shift.beyond === "down")
    .map((shift) => ({
      kind: "engagement-drop",
      session: shift.session,
      subscale,
      evidence: {
        what: `${name} was ${oneDecimal(shift.mean)} in session ${shift.session}; the trend is ${oneDecimal(Math.abs(shift.change))} below ${referenceWords(shift)}.`,
        basis: basisOf(climates.get(shift.session)),
        sureness: surenessOf(shift.z, limit),
      },
    }));
}

/** A concern subscale (Avoiding, Conflict) to watch for rises: its shifts, climates and limits. */
interface ConcernWatch {
  readonly group: Group;
  readonly name: string;
  readonly shifts: readonly SubscaleShift[];
  readonly climates: ReadonlyMap<number, SessionClimate>;
  readonly subscale: string;
  readonly settings: AlertSettings;
  readonly limit: number;
}

/** Why a rise alerts in its phase, for the subscale whose mid-group rise is common; nothing for the others. */
function phaseWords(group: Group, subscale: string, shift: SubscaleShift, settings: AlertSettings): string {
  if (subscale !== settings.midGroupSubscale) return "";
  return phaseOf(group, shift.session) === "middle"
    ? " That is more than the rise common in the middle phase."
    : " This is outside the middle phase, where a rise is common.";
}

/** Avoiding or Conflict clearly up: unless it is the common mid-group rise of Conflict, or whenever it stays up for several sessions. */
function concernRises({ group, name, shifts, climates, subscale, settings, limit }: ConcernWatch): Finding[] {
  let run = 0;
  return shifts.flatMap((shift): Finding[] => {
    run = shift.beyond === "up" ? run + 1 : 0;
    if (shift.beyond !== "up") return [];
    const common = isCommonMidGroupRise(group, subscale, shift, settings);
    const staying = run >= settings.staysHighSessions;
    if (common && !staying) return [];
    const why = staying
      ? ` It has stayed up for ${run} sessions in a row.`
      : phaseWords(group, subscale, shift, settings);
    return [
      {
        kind: "concern-rise",
        session: shift.session,
        subscale,
        evidence: {
          what: `${name} was ${oneDecimal(shift.mean)} in session ${shift.session}; the trend is ${oneDecimal(shift.change)} above ${referenceWords(shift)}.${why}`,
          basis: basisOf(climates.get(shift.session)),
          sureness: surenessOf(shift.z, limit),
        },
      },
    ];
  });
}

/** Responses below the threshold share of check-ins sent, for several closed sessions in a row. */
function lowResponses(climates: readonly SessionClimate[], settings: AlertSettings): Finding[] {
  let run = 0;
  return climates
    .filter((climate) => !climate.collecting && climate.invited >= 2)
    .flatMap((climate): Finding[] => {
      const low = climate.responseRate !== null && climate.responseRate < settings.lowResponseRate;
      run = low ? run + 1 : 0;
      if (!low || run < settings.lowResponseSessions) return [];
      const sessions = run === 1 ? `session ${climate.session.number}` : `${run} sessions in a row`;
      return [
        {
          kind: "low-response",
          session: climate.session.number,
          evidence: {
            what: `Fewer than ${Math.round(settings.lowResponseRate * 100)}% of members answered the check-in for ${sessions}: ${climate.respondents} of ${climate.invited} in session ${climate.session.number}.`,
            basis: `Counts of check-ins sent and answered; no answers are shown.`,
            sureness: "Certain: these are counts, not estimates.",
          },
        },
      ];
    });
}

/** Every group-level finding in the published sessions of a group; `items` holds the flagged items' series, by item id. */
export function groupFindings(
  group: Group,
  gcq: Instrument,
  climates: readonly SessionClimate[],
  trend: TrendSettings,
  settings: AlertSettings,
  items: ReadonlyMap<string, readonly Observation[]> = new Map(),
): Finding[] {
  const openEnded = group.schedule.count === undefined;
  const bySession = new Map(climates.map((climate) => [climate.session.number, climate]));
  const limit = trend.controlLimit;
  const subscaleFindings = gcq.subscales.flatMap((subscale) => {
    const series = subscaleSeries(climates, subscale.id);
    const shifts = subscaleShifts(series, { openEnded, higherIs: subscale.higherIs }, trend, settings.minChange);
    return subscale.higherIs === "better"
      ? engagementDrops(subscale.name, shifts, bySession, subscale.id, limit)
      : concernRises({
          group,
          name: subscale.name,
          shifts,
          climates: bySession,
          subscale: subscale.id,
          settings,
          limit,
        });
  });
  const itemFindings = flaggedItemFindings({ gcq, items, climates: bySession, openEnded, trend, settings });
  // One alert per subscale and session: an item adds a finding only where its subscale has none.
  const found = new Set(subscaleFindings.map((f) => `${f.kind}|${f.subscale}|${f.session}`));
  const extra = itemFindings.filter((f) => !found.has(`${f.kind}|${f.subscale}|${f.session}`));
  return [...subscaleFindings, ...extra, ...lowResponses(climates, settings)];
}
