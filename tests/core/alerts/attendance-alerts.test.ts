import { describe, expect, it } from "vitest";
import { type Alert, groupAlerts } from "../../../src/core/alerts/index.js";
import { command, groupById, painTue, putRsvp } from "../../support/flows.js";
import {
  allText,
  careTeam,
  leads,
  members,
  painTueWorld,
  sentContaining,
  sweepAt,
} from "../../support/outbox-helpers.js";
import type { World } from "../../support/world.js";

const okafor = "console:okafor";
const [ana = "", ben = ""] = members;
const missedHeadline = "A member has missed sessions in a row";

/** pain-tue once session 3's answers have closed, with what the leads recorded and the members said by RSVP. */
async function afterSession3(setup: {
  rsvpNo?: readonly [string, number][];
  recorded?: readonly string[];
}): Promise<World> {
  const world = painTueWorld({ now: painTue.closes3 });
  await world.store.updateGroup("pain-tue", (state) => {
    for (const [member, session] of setup.rsvpNo ?? []) putRsvp(state, member, session, "no", painTue.reminder1);
  });
  for (const text of setup.recorded ?? []) expect(await command(world, okafor, text)).toMatch(/^Thank you/);
  return world;
}

async function missedAlerts(world: World): Promise<Alert[]> {
  const state = await world.store.readGroup("pain-tue");
  return groupAlerts(world.ctx, groupById(world, "pain-tue"), state, world.clock.now()).filter(
    (alert) => alert.kind === "missed-sessions",
  );
}

describe("the member alert 'two missed sessions in a row'", () => {
  it("is raised when the leads recorded a member absent from two sessions in a row", async () => {
    const world = await afterSession3({ recorded: ["attendance pain-tue 2 7 ana", "attendance pain-tue 3 6 ana ben"] });
    const [alert, ...others] = await missedAlerts(world);
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ member: ana, session: 3, level: "member" });
    expect(alert?.evidence).toEqual({
      what: "They missed 2 sessions in a row (sessions 2 and 3).",
      basis: "Attendance the leads recorded.",
      sureness: "Certain about who came; the reasons may be anything from treatment to second thoughts.",
    });
  });

  it('counts a recorded absence and a "can\'t come" RSVP for a session not recorded together', async () => {
    const world = await afterSession3({ rsvpNo: [[ana, 3]], recorded: ["attendance pain-tue 2 7 ana"] });
    const [alert] = await missedAlerts(world);
    expect(alert?.evidence.what).toBe("They missed 2 sessions in a row (sessions 2 and 3).");
    expect(alert?.evidence.basis).toBe("Attendance the leads recorded, and their RSVPs for the sessions not recorded.");
  });

  it("still comes from RSVPs alone when nobody recorded attendance", async () => {
    const world = await afterSession3({
      rsvpNo: [
        [ana, 2],
        [ana, 3],
      ],
    });
    const [alert] = await missedAlerts(world);
    expect(alert?.evidence).toMatchObject({
      what: "They said they couldn't come to 2 sessions in a row (sessions 2 and 3).",
      basis: "Their RSVPs.",
    });
  });

  it("is not raised when a lead recorded that everyone came, whatever the RSVPs said", async () => {
    const world = await afterSession3({
      rsvpNo: [
        [ana, 2],
        [ana, 3],
      ],
      recorded: ["attendance pain-tue 3 8"],
    });
    expect(await missedAlerts(world)).toEqual([]);
  });

  it("is not raised when everyone not named came (the count accounts for them), whatever their RSVP said", async () => {
    const world = await afterSession3({
      rsvpNo: [
        [ana, 2],
        [ana, 3],
      ],
      recorded: ["attendance pain-tue 3 7 ben"],
    });
    expect(await missedAlerts(world)).toEqual([]);
  });

  it("goes by the RSVPs of members the count leaves in doubt (some absent, not all named)", async () => {
    const world = await afterSession3({
      rsvpNo: [
        [ana, 2],
        [ana, 3],
      ],
      recorded: ["attendance pain-tue 3 6 ben"],
    });
    expect((await missedAlerts(world)).map((alert) => alert.member)).toEqual([ana]);
  });

  it("counts everyone as absent from a session nobody came to", async () => {
    const world = await afterSession3({ recorded: ["attendance pain-tue 2 0", "attendance pain-tue 3 0"] });
    expect((await missedAlerts(world)).map((alert) => alert.member).sort()).toEqual([...members].sort());
  });

  it("is not raised for one missed session, or for two that are not in a row", async () => {
    const world = await afterSession3({
      recorded: ["attendance pain-tue 1 7 ana", "attendance pain-tue 2 8", "attendance pain-tue 3 7 ana"],
    });
    expect(await missedAlerts(world)).toEqual([]);
  });

  it("reaches the group's leads, naming the member, when session 3's answers close; never the care team channel", async () => {
    const world = painTueWorld();
    await sweepAt(world, painTue.checkin3);
    await command(world, okafor, "attendance pain-tue 2 7 ben");
    await command(world, okafor, "attendance pain-tue 3 7 ben");
    world.messenger.sent.length = 0;
    await sweepAt(world, painTue.closes3);
    const sent = sentContaining(world, missedHeadline);
    expect(sent.map((s) => s.to).sort()).toEqual([...leads].sort());
    expect(sent[0]?.message.blocks).toContainEqual({
      type: "mention",
      address: ben,
      text: "They missed 2 sessions in a row (sessions 2 and 3).",
    });
    expect(allText(sent[0]!.message)).toContain("On: Attendance the leads recorded.");
    for (const { message } of world.messenger.sent.filter((s) => s.to === careTeam))
      expect(allText(message)).not.toContain("missed");
  });
});
