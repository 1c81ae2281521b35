import type { SessionClimate, SubscaleShift } from "../climate/index.js";

/** A figure with one decimal, as alerts show them. */
export function oneDecimal(value: number): string {
  return value.toFixed(1);
}

/** What a shift was compared with, in words: "its baseline of 4.1" or "its level of 4.6 in sessions 3-5". */
export function referenceWords(shift: SubscaleShift): string {
  const [first, last] = [shift.referenceSessions[0], shift.referenceSessions.at(-1)];
  return shift.referenceSessions.length === 2 && first === 1 && last === 2
    ? `its baseline of ${oneDecimal(shift.referenceMean)}`
    : `its level of ${oneDecimal(shift.referenceMean)} in sessions ${first}-${last}`;
}

/** How many full check-ins a session's finding rests on. */
export function basisOf(climate: SessionClimate | undefined): string {
  return climate ? `${climate.forms} full check-ins in session ${climate.session.number}.` : "";
}
