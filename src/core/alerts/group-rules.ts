import {
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

function oneDecimal(value: number): string {
  return value.toFixed(1);
}

function referenceWords(shift: SubscaleShift): string {
  const [first, last] = [shift.referenceSessions[0], shift.referenceSessions.at(-1)];
  return shift.referenceSessions.length === 2 && first === 1 && last === 2
    ? `its baseline of ${oneDecimal(shift.referenceMean)}`
    : `its level of ${oneDecimal(shift.referenceMean)} in sessions ${first}-${last}`;
}

function basisOf(climate: SessionClimate | undefined): string {
  return climate ? `${climate.forms} full check-ins in session ${climate.session.number}.` : "";
}

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

/** Avoiding or Conflict clearly up: outside the middle phase (where a rise is common), or staying up for several sessions. */
/** A concern subscale (Avoiding, Conflict) to watch for sustained rises: its shifts, climates and limits. */
interface ConcernWatch {
  readonly group: Group;
  readonly name: string;
  readonly shifts: readonly SubscaleShift[];
  readonly climates: ReadonlyMap<number, SessionClimate>;
  readonly subscale: string;
  readonly settings: AlertSettings;
  readonly limit: number;
}

function concernRises({ group, name, shifts, climates, subscale, settings, limit }: ConcernWatch): Finding[] {
  let run = 0;
  return shifts.flatMap((shift): Finding[] => {
    run = shift.beyond === "up" ? run + 1 : 0;
    if (shift.beyond !== "up") return [];
    const midGroup = phaseOf(group, shift.session) === "middle";
    const staying = run >= settings.staysHighSessions;
    if (midGroup && !staying) return [];
    const why = staying
      ? `It has stayed up for ${run} sessions in a row.`
      : "This is outside the middle phase, where a rise is common.";
    return [
      {
        kind: "concern-rise",
        session: shift.session,
        subscale,
        evidence: {
          what: `${name} was ${oneDecimal(shift.mean)} in session ${shift.session}; the trend is ${oneDecimal(shift.change)} above ${referenceWords(shift)}. ${why}`,
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

/** Every group-level finding in the published sessions of a group. */
export function groupFindings(
  group: Group,
  gcq: Instrument,
  climates: readonly SessionClimate[],
  trend: TrendSettings,
  settings: AlertSettings,
): Finding[] {
  const openEnded = group.schedule.count === undefined;
  const bySession = new Map(climates.map((climate) => [climate.session.number, climate]));
  const subscaleFindings = gcq.subscales.flatMap((subscale) => {
    const shifts = subscaleShifts(subscaleSeries(climates, subscale.id), openEnded, trend, settings.minChange);
    return subscale.higherIs === "better"
      ? engagementDrops(subscale.name, shifts, bySession, subscale.id, trend.controlLimit)
      : concernRises({
          group,
          name: subscale.name,
          shifts,
          climates: bySession,
          subscale: subscale.id,
          settings,
          limit: trend.controlLimit,
        });
  });
  return [...subscaleFindings, ...lowResponses(climates, settings)];
}
