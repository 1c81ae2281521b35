/** Shared setup for the group-climate tests: storing answers, the climate at a moment, and the summary it shows. */
import { groupClimate, type SessionClimate } from "../../../src/core/climate/index.js";
import { instrumentById, programOf } from "../../../src/core/context.js";
import type { GroupState } from "../../../src/core/state.js";
import { summaryMessage } from "../../../src/views/leads/summary-message.js";
import { groupById } from "../../support/flows.js";
import type { World } from "../../support/world.js";

export async function withState(world: World, change: (state: GroupState) => void): Promise<Readonly<GroupState>> {
  await world.store.updateGroup("pain-tue", change);
  return world.store.readGroup("pain-tue");
}

export function climateAt(world: World, state: Readonly<GroupState>, now: string): SessionClimate[] {
  return groupClimate(world.ctx, groupById(world, "pain-tue"), state, new Date(now));
}

export function summaryText(world: World, climates: readonly SessionClimate[]): string {
  const group = groupById(world, "pain-tue");
  const message = summaryMessage({
    group,
    program: programOf(world.ctx, group),
    gcq: instrumentById(world.ctx, "gcq-s"),
    climates,
    minResponses: 5,
  });
  return message.blocks.map((block) => ("text" in block ? block.text : "")).join("\n");
}
