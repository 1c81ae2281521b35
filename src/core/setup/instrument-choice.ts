import { coreInstruments, type Instrument } from "./instrument.js";
import type { Group } from "./group.js";
import type { Program } from "./program.js";

/** Where a check-in's extra instruments and a screening can be named: a program, or a group overriding it. */
export type InstrumentChoice = Pick<Program, "checkin" | "orientation">;

/** The ids of the clinic's instruments in a group's check-in, after the GCQ-S: the group's list, else its program's. */
export function checkinInstrumentIds(group: Group, program: InstrumentChoice): readonly string[] {
  return (group.checkin ?? program.checkin)?.instruments ?? [];
}

/** The id of the screening instrument sent with a group's orientation, if any: the group's setting, else its program's. */
export function screeningInstrumentId(group: Group, program: InstrumentChoice): string | undefined {
  return (group.orientation ?? program.orientation)?.screening;
}

/** What is wrong with the instruments a program or group names, each as `<path>: <problem>`. */
export function instrumentChoiceProblems(
  choice: InstrumentChoice,
  instruments: ReadonlyMap<string, Instrument>,
): string[] {
  const known = [...instruments.keys()].sort().join(", ");
  const core: readonly string[] = Object.values(coreInstruments);
  const problems = (choice.checkin?.instruments ?? []).flatMap((id, i) => {
    const path = `checkin.instruments.${i}`;
    if (core.includes(id))
      return [`${path}: "${id}" is already part of every check-in; name only your own instruments`];
    return instruments.has(id) ? [] : [`${path}: unknown instrument "${id}" (known: ${known})`];
  });
  const screening = choice.orientation?.screening;
  if (screening !== undefined) {
    const instrument = instruments.get(screening);
    if (!instrument) problems.push(`orientation.screening: unknown instrument "${screening}" (known: ${known})`);
    else if (instrument.flagAtOrAbove === undefined)
      problems.push(
        `orientation.screening: instrument "${screening}" has no flagAtOrAbove, so no answer would reach the leads`,
      );
  }
  return problems;
}
