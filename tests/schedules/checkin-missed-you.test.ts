import { describe, expect, it } from "vitest";
import type { Address } from "../../src/kernel/address.js";
import {
  at,
  buttonsOf,
  marks,
  members,
  painTueWorld,
  recipientsOf,
  rsvp,
  sentContaining,
  sweepAt,
  sweptThrough,
} from "../support/outbox-helpers.js";

const [ana, ben, carla] = members as [Address, Address, Address];
const missedYou = "We missed you today";

describe('"We missed you today" instead of the check-in', () => {
  it("goes to a member who said they couldn't come: warm, no questions, and when the group next meets", async () => {
    const world = await sweptThrough([at.orientationDue, at.reminder1Due]);
    await rsvp(world, ana, "rsvp-no");
    await sweepAt(world, at.checkin1Due);

    const message = sentContaining(world, missedYou).find((s) => s.to === ana)?.message;
    expect(message?.blocks).toEqual([
      { type: "text", text: "*We missed you today.*\nWe hope you're doing all right. There's nothing to answer here." },
      {
        type: "text",
        text: "Your Tuesday group next meets on Tuesday 8 December, 18:00. It would be lovely to see you whenever you're able.",
      },
    ]);
    expect(recipientsOf(world, marks.checkin)).not.toContain(ana);
  });

  it("goes to a member a lead recorded absent before the check-in went out", async () => {
    const world = painTueWorld({ now: at.session1Ends });
    await world.interactions.handle({ type: "command", from: "console:okafor", text: "attendance pain-tue 1 7 ben" });
    await sweepAt(world, at.checkin1Due);
    expect(recipientsOf(world, missedYou)).toEqual([ben]);
    expect(recipientsOf(world, marks.checkin)).toEqual(members.filter((m) => m !== ben).sort());
  });

  it("is never chased by a nudge", async () => {
    const world = await sweptThrough([at.orientationDue, at.reminder1Due]);
    await rsvp(world, ana, "rsvp-no");
    await sweepAt(world, at.checkin1Due);
    await sweepAt(world, at.nudge1Due);
    expect(recipientsOf(world, marks.nudge)).not.toContain(ana);
    expect(recipientsOf(world, marks.nudge)).toContain(ben);
  });

  it("after the group's last session, says so instead of a next date", async () => {
    const world = painTueWorld({
      now: "2026-12-22T18:00:00Z",
      edit: (g) => ({ ...g, schedule: { ...g.schedule, count: 4 } }),
    });
    await world.interactions.handle({ type: "command", from: "console:okafor", text: "attendance pain-tue 4 7 carla" });
    await sweepAt(world, "2026-12-22T19:40:00Z");
    const message = sentContaining(world, missedYou).find((s) => s.to === carla)?.message;
    expect(message?.text).toBe(
      "We missed you today, and we hope you're doing all right. There's nothing to answer here.",
    );
    expect(JSON.stringify(message)).toContain("That was the group's last session.");
  });
});

describe("the check-in's \"I wasn't there\"", () => {
  it("is offered when nobody has recorded who came, even after an RSVP yes", async () => {
    const world = await sweptThrough([at.orientationDue, at.reminder1Due]);
    await rsvp(world, ana, "rsvp-yes");
    await sweepAt(world, at.checkin1Due);
    const checkin = sentContaining(world, marks.checkin).find((s) => s.to === ana)?.message;
    expect(buttonsOf(checkin!).map((b) => b.label)).toEqual(["Full check-in (2 min)", "I wasn't there"]);
  });

  it("is not offered once a lead recorded that everyone not named came", async () => {
    const world = painTueWorld({ now: at.session1Ends });
    await world.interactions.handle({ type: "command", from: "console:okafor", text: "attendance pain-tue 1 8" });
    await sweepAt(world, at.checkin1Due);
    const checkin = sentContaining(world, marks.checkin).find((s) => s.to === ana)?.message;
    expect(buttonsOf(checkin!).map((b) => b.action)).toEqual(["open-form"]);
  });
});
