import { describe, expect, it } from "vitest";
import { toAddress } from "../../../src/kernel/address.js";
import type { CohesionConfig } from "../../../src/core/setup/index.js";
import { exampleConfig } from "../../support/example-setup.js";
import {
  allText,
  at,
  buttonsOf,
  careTeam,
  groupId,
  leads,
  members,
  sentContaining,
  sweepAt,
} from "../../support/outbox-helpers.js";
import { makeWorld, type World } from "../../support/world.js";

const [ana = members[0]!] = members;
const [okafor = leads[0]!] = leads;
const onCall = toAddress("console:patel");
const words = "Some nights I think everyone would be better off dead without me";
const toOnCall = "Escalated to you";
const toCareTeam = "has not been acknowledged";
const minutesAfter = (instant: string, minutes: number) =>
  new Date(new Date(instant).getTime() + minutes * 60_000).toISOString();
const raised = at.checkin1Due;

function worldWith(safety: Partial<CohesionConfig["organisation"]["safety"]> = {}): World {
  const config = exampleConfig((c) => ({
    ...c,
    organisation: { ...c.organisation, safety: { ...c.organisation.safety, ...safety } },
    groups: c.groups.filter((g) => g.id === groupId),
  }));
  return makeWorld({ now: at.beforeEverything, config });
}

/** A member writes words that suggest risk at the end of session 1; the leads are alerted at once. */
async function urgentAlertRaised(world: World): Promise<void> {
  for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due, raised])
    await sweepAt(world, instant);
  await world.interactions.handle({ type: "text", from: ana, text: words });
  world.messenger.sent.length = 0;
}

const stepsTo = (world: World, needle: string) => sentContaining(world, needle).map((s) => s.to);

describe("an urgent alert nobody acknowledges", () => {
  it("goes to the clinician on call once the leads have had their time, with the member's words", async () => {
    const world = worldWith();
    await urgentAlertRaised(world);
    await sweepAt(world, minutesAfter(raised, 59));
    expect(world.messenger.sent).toEqual([]);
    await sweepAt(world, minutesAfter(raised, 60));
    expect(stepsTo(world, toOnCall)).toEqual([onCall]);
    expect(allText(sentContaining(world, toOnCall)[0]!.message)).toContain(words);
  });

  it("then tells the care team channel, without the member or their words, naming the leads", async () => {
    const world = worldWith();
    await urgentAlertRaised(world);
    await sweepAt(world, minutesAfter(raised, 60));
    await sweepAt(world, minutesAfter(raised, 120));
    const told = sentContaining(world, toCareTeam);
    expect(told.map((s) => s.to)).toEqual([careTeam]);
    const message = told[0]!.message;
    expect(allText(message)).toContain("An urgent alert about a member of Chronic pain skills, Tuesday evening");
    expect(allText(message)).not.toContain("better off");
    expect(JSON.stringify(message)).not.toContain(ana);
    expect(message.blocks).toContainEqual(expect.objectContaining({ type: "mention", address: okafor }));
  });

  it("is repeated on that clock, and stops once someone acknowledges it", async () => {
    const world = worldWith();
    await urgentAlertRaised(world);
    for (const minutes of [60, 120, 180]) await sweepAt(world, minutesAfter(raised, minutes));
    expect(stepsTo(world, toOnCall)).toEqual([onCall, onCall, onCall]);
    expect(stepsTo(world, toCareTeam)).toEqual([careTeam, careTeam]);
    const button = buttonsOf(sentContaining(world, toOnCall).at(-1)!.message).find(
      (b) => b.action === "alert-acknowledge",
    );
    const outcome = await world.interactions.handle({
      type: "button",
      from: onCall,
      promptId: button!.promptId,
      action: "alert-acknowledge",
    });
    expect("reply" in outcome && outcome.reply.text).toContain("Alert about");
    world.messenger.sent.length = 0;
    for (const minutes of [240, 300, 600]) await sweepAt(world, minutesAfter(raised, minutes));
    expect(world.messenger.sent).toEqual([]);
  });

  it("writes every step to the group's audit log", async () => {
    const world = worldWith();
    await urgentAlertRaised(world);
    for (const minutes of [60, 120]) await sweepAt(world, minutesAfter(raised, minutes));
    const audit = (await world.store.readGroup(groupId)).audit.filter((e) => e.action === "alert-escalated");
    expect(audit.map((e) => e.actor).sort()).toEqual([careTeam, onCall, onCall].sort());
    expect(new Set(audit.map((e) => e.subject)).size).toBe(1);
  });

  it("reaches the clinician on call at once outside working hours", async () => {
    const world = worldWith({
      workingHours: { days: ["mon", "tue", "wed", "thu", "fri"], from: "09:00", to: "17:00" },
    });
    for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due, raised])
      await sweepAt(world, instant);
    await world.interactions.handle({ type: "text", from: ana, text: words });
    expect(stepsTo(world, toOnCall)).toEqual([onCall]);
  });

  it("goes straight to the care team channel when nobody is on call", async () => {
    const world = worldWith({ onCall: [] });
    await urgentAlertRaised(world);
    await sweepAt(world, minutesAfter(raised, 60));
    expect(stepsTo(world, toCareTeam)).toEqual([careTeam]);
  });

  it("after downtime sends only the step due now, not every step missed", async () => {
    const world = worldWith();
    await urgentAlertRaised(world);
    await sweepAt(world, minutesAfter(raised, 6 * 60 + 5));
    expect(stepsTo(world, toOnCall)).toEqual([onCall]);
    expect(stepsTo(world, toCareTeam)).toEqual([careTeam]);
  });

  it("is never about a routine message or a group-level alert", async () => {
    const world = worldWith();
    for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due, raised])
      await sweepAt(world, instant);
    await world.interactions.handle({ type: "text", from: ana, text: "See you next week" });
    world.messenger.sent.length = 0;
    await sweepAt(world, minutesAfter(raised, 180));
    expect(stepsTo(world, toOnCall)).toEqual([]);
    expect(stepsTo(world, toCareTeam)).toEqual([]);
  });
});
