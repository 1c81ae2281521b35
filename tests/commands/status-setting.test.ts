import { describe, expect, it } from "vitest";
import { at, marks, painTueWorld, recipientsOf, sweepAt } from "../support/outbox-helpers.js";
import { ana, ben, group, okafor, sam, say, stored } from "./status-helpers.js";

describe("status <group> <member> <status>: a lead says where a member stands", () => {
  it("on-hold: stops the member's reminders at once, is stored with who and when, and is audited without naming them", async () => {
    const world = painTueWorld({ now: at.orientationDue });
    expect(await say(world, okafor, "status pain-tue ana on-hold")).toBe(
      `ana is now marked on hold in ${group}. I've stopped every scheduled message to them, including any waiting to go out. They still count in the group's figures. When they're back, type \`status pain-tue ana active\`.`,
    );
    expect(await stored(world)).toEqual({
      memberStatus: { [ana]: [{ status: "on-hold", by: okafor, at: "2026-11-28T18:00:00.000Z" }] },
      audit: [
        {
          at: "2026-11-28T18:00:00.000Z",
          actor: okafor,
          action: "member-status-changed",
          subject: "on-hold (was active)",
        },
      ],
    });
    await sweepAt(world, at.reminder1Due);
    expect(recipientsOf(world, marks.reminder)).not.toContain(ana);
    expect(recipientsOf(world, marks.reminder)).toContain(ben);
  });

  it("hospitalised: the same, and active again brings the next reminder back", async () => {
    const world = painTueWorld({ now: at.orientationDue });
    expect(await say(world, sam, "status pain-tue @ana hospitalised")).toContain(
      `ana is now marked hospitalised in ${group}. I've stopped every scheduled message to them`,
    );
    await sweepAt(world, at.reminder1Due);
    await sweepAt(world, at.session1Ends);
    world.clock.set("2026-12-02T09:00:00Z");
    expect(await say(world, sam, "status pain-tue ana active")).toBe(
      `ana is now marked active in ${group}. Their reminders and check-ins start again with the next one due (unless they paused them themselves).`,
    );
    await sweepAt(world, at.reminder2Due);
    expect(recipientsOf(world, marks.reminder).filter((to) => to === ana)).toHaveLength(1);
    expect((await stored(world)).audit.map((entry) => entry.subject)).toEqual([
      "hospitalised (was active)",
      "active (was hospitalised)",
    ]);
  });

  it("a check-in for a session the member was away for is not sent when they are active again, though answers are still open", async () => {
    const world = painTueWorld({ now: at.session1Starts });
    await say(world, okafor, "status pain-tue ana on-hold");
    await sweepAt(world, at.checkin1Due);
    await say(world, okafor, "status pain-tue ana active");
    await sweepAt(world, "2026-12-02T10:00:00Z");
    expect(recipientsOf(world, marks.checkin)).not.toContain(ana);
    expect(recipientsOf(world, "We missed you")).not.toContain(ana);
  });

  it("withdrawn, once confirmed: stops every message and is audited", async () => {
    const world = painTueWorld({ now: at.orientationDue });
    expect(await say(world, okafor, "status pain-tue ben withdrawn confirm")).toBe(
      `ben is now marked withdrawn in ${group}. I've stopped every scheduled message to them, including any waiting to go out. From now on they no longer count in response rates or attendance. Their earlier answers stay in the sessions they took part in.`,
    );
    await sweepAt(world, at.reminder1Due);
    expect(recipientsOf(world, marks.reminder)).not.toContain(ben);
    expect((await stored(world)).audit).toEqual([
      expect.objectContaining({ action: "member-status-changed", subject: "withdrawn (was active)" }),
    ]);
  });

  it("deceased, once confirmed: said with care, stored and audited", async () => {
    const world = painTueWorld({ now: at.orientationDue });
    const reply = await say(world, okafor, "status pain-tue ana deceased confirm");
    expect(reply).toBe(
      `ana is now marked deceased in ${group}. I'm sorry. Cohesion will never send them another message of any kind, and from now on they no longer count in the group's figures. Their earlier answers stay in the sessions they took part in.`,
    );
    expect((await stored(world)).memberStatus[ana]).toEqual([
      { status: "deceased", by: okafor, at: "2026-11-28T18:00:00.000Z" },
    ]);
  });

  it("setting the status a member already has changes nothing and audits nothing", async () => {
    const world = painTueWorld();
    expect(await say(world, okafor, "status pain-tue ana active")).toBe(
      `ana is already marked active in ${group}. Nothing changed.`,
    );
    expect(await stored(world)).toEqual({ memberStatus: {}, audit: [] });
  });

  it("takes the status in any case, and 'on hold' or 'hospitalized' as typed", async () => {
    const world = painTueWorld();
    await say(world, okafor, "status pain-tue ana On Hold");
    await say(world, okafor, "status pain-tue ben Hospitalized");
    const { memberStatus } = await stored(world);
    expect(memberStatus[ana]?.at(-1)?.status).toBe("on-hold");
    expect(memberStatus[ben]?.at(-1)?.status).toBe("hospitalised");
  });

  it("is separate from a member's own pause: active again does not undo their pause", async () => {
    const world = painTueWorld({ now: at.orientationDue });
    await world.interactions.handle({ type: "command", from: ana, text: "pause" });
    await say(world, okafor, "status pain-tue ana on-hold");
    await say(world, okafor, "status pain-tue ana active");
    expect((await world.store.readGroup("pain-tue")).paused[ana]).toBeDefined();
    await sweepAt(world, at.reminder1Due);
    expect(recipientsOf(world, marks.reminder)).not.toContain(ana);
  });
});
