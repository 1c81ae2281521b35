import type { Group } from "./setup/group.js";
import type { Instrument } from "./setup/instrument.js";
import type { Organisation } from "./setup/organisation.js";
import type { ChartRenderer, Clock, Logger } from "../kernel/ports.js";
import type { Store } from "./store.js";
import type { Program } from "./setup/program.js";

/** Everything the core works with: configuration, clinic content and the ports. */
export interface CoreContext {
  readonly organisation: Organisation;
  readonly groups: readonly Group[];
  readonly programs: ReadonlyMap<string, Program>;
  readonly instruments: ReadonlyMap<string, Instrument>;
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
export function instrumentById(ctx: CoreContext, id: "gcq-s" | "pulse"): Instrument {
  const instrument = ctx.instruments.get(id);
  if (!instrument) throw new Error(`instrument ${id} missing after validation`);
  return instrument;
}
