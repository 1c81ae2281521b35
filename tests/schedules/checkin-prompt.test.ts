import { describe, expect, it } from "vitest";
import type { Address } from "../../src/kernel/address.js";
import type { Group } from "../../src/core/setup/index.js";
import {
  at,
  buttonsOf,
  choiceBlockOf,
  leads,
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

function upToSessionOne(edit?: (group: Group) => Group) {
  return sweptThrough([at.orientationDue, at.reminder1Due], edit);
}

describe("the check-in after each session", () => {
  it("goes to every member 10 minutes after the session ends, and not to the leads", async () => {
    const world = await upToSessionOne();
    await sweepAt(world, at.session1Ends);
    await sweepAt(world, "2026-12-01T19:39:00Z");
    expect(recipientsOf(world, marks.checkin)).toEqual([]);

    await sweepAt(world, at.checkin1Due);
    expect(recipientsOf(world, marks.checkin)).toEqual([...members].sort());
    for (const lead of leads) expect(world.messenger.textsTo(lead)).toEqual([]);
  });

  it("offers the one-tap pulse question, the full form and a way to say they weren't there, on the same prompt", async () => {
    const world = await upToSessionOne();
    await sweepAt(world, at.checkin1Due);
    const message = sentContaining(world, marks.checkin).find((s) => s.to === ana)!.message;

    const choice = choiceBlockOf(message);
    expect(choice.itemId).toBe("pulse-1");
    expect(choice.options.map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
    expect(buttonsOf(message)).toEqual([
      expect.objectContaining({ action: "open-form", promptId: choice.promptId }),
      expect.objectContaining({ action: "not-there", promptId: choice.promptId, label: "I wasn't there" }),
    ]);
  });

  it("gives each member their own prompt, which only they can answer", async () => {
    const world = await upToSessionOne();
    await sweepAt(world, at.checkin1Due);
    const prompts = sentContaining(world, marks.checkin).map((s) => choiceBlockOf(s.message).promptId);
    expect(new Set(prompts).size).toBe(8);

    const anasPrompt = choiceBlockOf(sentContaining(world, marks.checkin).find((s) => s.to === ana)!.message).promptId;
    const outcome = await world.interactions.handle({
      type: "choice",
      from: ben,
      promptId: anasPrompt,
      itemId: "pulse-1",
      value: 4,
    });
    expect("reply" in outcome && outcome.reply.text).toContain("sent to someone else");
  });

  it("is not sent to members who said they could not come: they get a warm word instead", async () => {
    const world = await upToSessionOne();
    await rsvp(world, ana, "rsvp-no");
    await rsvp(world, ben, "rsvp-no");
    await rsvp(world, carla, "rsvp-yes");
    await sweepAt(world, at.checkin1Due);

    expect(recipientsOf(world, marks.checkin)).toEqual(members.filter((m) => m !== ana && m !== ben).sort());
    expect(recipientsOf(world, "We missed you today")).toEqual([ana, ben]);
  });

  it("is sent to a member who first said no and then changed their mind", async () => {
    const world = await upToSessionOne();
    await rsvp(world, ana, "rsvp-no");
    await rsvp(world, ana, "rsvp-yes");
    await sweepAt(world, at.checkin1Due);

    expect(recipientsOf(world, marks.checkin)).toContain(ana);
  });

  it("is not sent to a member who paused", async () => {
    const world = await upToSessionOne();
    await world.interactions.handle({ type: "command", from: ana, text: "pause" });
    await sweepAt(world, at.checkin1Due);

    expect(recipientsOf(world, marks.checkin)).toEqual(members.filter((m) => m !== ana).sort());
  });

  it("ends with the practice to try before next time", async () => {
    const world = await upToSessionOne();
    await sweepAt(world, at.checkin1Due);
    const texts = world.messenger.textsTo(ana);
    expect(texts.at(-1)).toBe("Thank you for being part of today's session. How was it for you?");
    const blocks = sentContaining(world, marks.checkin).find((s) => s.to === ana)!.message.blocks;
    expect(blocks.at(-1)).toEqual({
      type: "text",
      text: expect.stringContaining("Practice before next time*\nTry the breathing"),
    });
  });

  it("is not sent for a cancelled session", async () => {
    const world = painTueWorld({ edit: (g) => ({ ...g, changes: [{ session: 2, cancelled: true }] }) });
    for (const instant of [at.beforeEverything, at.checkin1Due, "2026-12-08T19:40:00Z", "2026-12-09T12:00:00Z"])
      await sweepAt(world, instant);
    expect(recipientsOf(world, marks.checkin)).toEqual([...members].sort());

    await sweepAt(world, "2026-12-15T19:40:00Z");
    expect(recipientsOf(world, marks.checkin)).toHaveLength(16);
  });
});
