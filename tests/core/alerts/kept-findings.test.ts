import { describe, expect, it } from "vitest";
import {
  groupAlerts,
  keptFindings,
  ruleFindings,
  sessionFindingsDue,
  storeSessionFindings,
} from "../../../src/core/alerts/index.js";
import { freezeSessionFigures, groupClimate } from "../../../src/core/climate/index.js";
import { forgetMember } from "../../../src/core/erasure/index.js";
import type { Group } from "../../../src/core/setup/index.js";
import type { GroupState } from "../../../src/core/state.js";
import { toAddress } from "../../../src/kernel/address.js";
import { groupById } from "../../support/flows.js";
import type { World } from "../../support/world.js";
import { briefingOf, rupturing, storyWorld } from "../../views/leads/group-stories.js";

const ben = toAddress("console:ben");
const okafor = toAddress("console:okafor");

/** Before session 8 of the rupturing story: seven closed sessions, ben silent since session 4. */
async function rupturedGroup(): Promise<{ world: World; group: Group; now: Date }> {
  const now = briefingOf(8);
  const world = await storyWorld(rupturing, now);
  return { world, group: groupById(world, "pain-tue"), now: new Date(now) };
}

/** What the minute sweep stores once windows have closed: the figures, then what the rules find in them. */
async function sweep({ world, group, now }: { world: World; group: Group; now: Date }): Promise<number> {
  let kept = 0;
  await world.store.updateGroup(group.id, (state) => {
    freezeSessionFigures(world.ctx, group, state, now);
    kept = storeSessionFindings(world.ctx, group, state, now);
  });
  return kept;
}

const silences = (alerts: ReturnType<typeof groupAlerts>) =>
  alerts.filter((alert) => alert.kind === "stopped-answering").map((alert) => alert.member);

function readAlerts(world: World, group: Group, state: Readonly<GroupState>, now: Date) {
  return groupAlerts(world.ctx, group, state, now, groupClimate(world.ctx, group, state, now));
}

describe("what the alert rules find is kept with each closed session's figures", () => {
  it("keeps them once every closed session has figures, and the alerts read from them say what running every rule says", async () => {
    const group = await rupturedGroup();
    const { world, now } = group;
    const found = readAlerts(world, group.group, await world.store.readGroup("pain-tue"), now);
    expect(await sweep(group)).toBe(7);
    const state = await world.store.readGroup("pain-tue");
    expect(keptFindings(world.ctx, group.group, state, groupClimate(world.ctx, group.group, state, now))).toEqual(
      ruleFindings(world.ctx, group.group, state, groupClimate(world.ctx, group.group, state, now)).sort(
        (a, b) => a.session - b.session,
      ),
    );
    expect(readAlerts(world, group.group, state, now)).toEqual(found);
    expect(silences(found)).toEqual([ben]);
    expect(found.map((alert) => alert.kind)).toContain("engagement-drop");
    expect(sessionFindingsDue(world.ctx, group.group, state, now)).toBe(false);
  });

  it("keeps nothing while a closed session has no stored figures", async () => {
    const { world, group, now } = await rupturedGroup();
    let kept = -1;
    await world.store.updateGroup(group.id, (state) => {
      kept = storeSessionFindings(world.ctx, group, state, now);
    });
    expect(kept).toBe(0);
    const state = await world.store.readGroup("pain-tue");
    expect(keptFindings(world.ctx, group, state, groupClimate(world.ctx, group, state, now))).toBeUndefined();
    expect(sessionFindingsDue(world.ctx, group, state, now)).toBe(false);
  });

  it("no longer reports ben as silent once a lead puts him on hold, without finding anything again", async () => {
    const group = await rupturedGroup();
    const { world, now } = group;
    await sweep(group);
    await world.store.updateGroup("pain-tue", (state) => {
      state.memberStatus[ben] = [{ status: "on-hold", by: okafor, at: now.toISOString() }];
    });
    const state = await world.store.readGroup("pain-tue");
    expect(sessionFindingsDue(world.ctx, group.group, state, now)).toBe(false);
    expect(silences(readAlerts(world, group.group, state, now))).toEqual([]);
  });

  it("after a lead erases a member's data, finds the alerts again from what is left until the sweep keeps them anew", async () => {
    const group = await rupturedGroup();
    const { world, now } = group;
    await sweep(group);
    await forgetMember(world.ctx, group.group, okafor, toAddress("console:carla"));
    const erased = await world.store.readGroup("pain-tue");
    expect(keptFindings(world.ctx, group.group, erased, groupClimate(world.ctx, group.group, erased, now))).toBe(
      undefined,
    );
    expect(sessionFindingsDue(world.ctx, group.group, erased, now)).toBe(true);
    const fromWhatIsLeft = readAlerts(world, group.group, erased, now);
    expect(await sweep(group)).toBeGreaterThan(0);
    expect(readAlerts(world, group.group, await world.store.readGroup("pain-tue"), now)).toEqual(fromWhatIsLeft);
  });
});
