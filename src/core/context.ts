import {
  checkinInstrumentIds,
  coreInstruments,
  screeningInstrumentId,
  type CoreInstrumentId,
  type Group,
  type Instrument,
  type Organisation,
  type Program,
  type RiskPhrases,
} from "./setup/index.js";
import type { ChartRenderer, Clock, Logger } from "../kernel/ports.js";
import type { Store } from "./store.js";

/** Everything the core works with: configuration, clinic content and the ports. */
export interface CoreContext {
  readonly organisation: Organisation;
  readonly groups: readonly Group[];
  readonly programs: ReadonlyMap<string, Program>;
  readonly instruments: ReadonlyMap<string, Instrument>;
  /** Risk phrases by language, the organisation's `riskKeywords` added; every message is screened with all. */
  readonly riskPhrases: ReadonlyMap<string, RiskPhrases>;
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly charts: ChartRenderer;
}

/** The program a group follows (validated at start-up, so always present). */
export function programOf(ctx: CoreContext, group: Group): Program {
  const program = ctx.programs.get(group.program);
  if (!program) throw new Error(`program ${group.program} missing after validation`);
  return program;
}

/** An instrument the core relies on (validated at start-up, so always present). */
export function instrumentById(ctx: CoreContext, id: CoreInstrumentId): Instrument {
  return instrumentNamed(ctx, id);
}

/** The group-climate questionnaire (GCQ-S). */
export function climateInstrument(ctx: CoreContext): Instrument {
  return instrumentById(ctx, coreInstruments.climate);
}

/** The one-tap pulse asked after each session. */
export function pulseInstrument(ctx: CoreContext): Instrument {
  return instrumentById(ctx, coreInstruments.pulse);
}

function instrumentNamed(ctx: CoreContext, id: string): Instrument {
  const instrument = ctx.instruments.get(id);
  if (!instrument) throw new Error(`instrument ${id} missing after validation`);
  return instrument;
}

/** The clinic's own instruments a group's check-in asks after the GCQ-S (validated at start-up). */
export function checkinInstruments(ctx: CoreContext, group: Group): Instrument[] {
  return checkinInstrumentIds(group, programOf(ctx, group)).map((id) => instrumentNamed(ctx, id));
}

/** The screening instrument sent with a group's orientation, if the program or group names one. */
export function screeningInstrument(ctx: CoreContext, group: Group): Instrument | undefined {
  const id = screeningInstrumentId(group, programOf(ctx, group));
  return id === undefined ? undefined : instrumentNamed(ctx, id);
}
