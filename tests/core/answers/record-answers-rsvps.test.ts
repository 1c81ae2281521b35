import { describe, expect, it } from "vitest";
import { painTue, replyText, rsvpPromptId, sweepAt } from "../../support/flows.js";
import { makeWorld } from "../../support/world.js";
import { ana, ben } from "./record-answers-helpers.js";

describe("RSVPs", () => {
  it("records yes or no, lets a member change their mind until the session starts, then refuses", async () => {
    const world = makeWorld();
    await sweepAt(world, painTue.reminder1);
    const prompt = rsvpPromptId(world, ana);
    const rsvp = async () => (await world.store.readGroup("pain-tue")).rsvps["console:ana|1"]?.response;

    expect(
      replyText(await world.interactions.handle({ type: "button", from: ana, promptId: prompt, action: "rsvp-yes" })),
    ).toMatch(/See you there/);
    expect(await rsvp()).toBe("yes");

    world.clock.set(new Date(Date.parse(painTue.start1) - 1000));
    expect(
      replyText(await world.interactions.handle({ type: "button", from: ana, promptId: prompt, action: "rsvp-no" })),
    ).toMatch(/take care/);
    expect(await rsvp()).toBe("no");

    world.clock.set(painTue.start1);
    const late = replyText(
      await world.interactions.handle({ type: "button", from: ana, promptId: prompt, action: "rsvp-yes" }),
    );
    expect(late).toMatch(/already started/);
    expect(await rsvp()).toBe("no");
  });

  it("refuses an RSVP for someone else", async () => {
    const world = makeWorld();
    await sweepAt(world, painTue.reminder1);
    const reply = replyText(
      await world.interactions.handle({
        type: "button",
        from: ben,
        promptId: rsvpPromptId(world, ana),
        action: "rsvp-no",
      }),
    );
    expect(reply).toMatch(/sent to someone else/);
    expect((await world.store.readGroup("pain-tue")).rsvps).toEqual({});
  });
});
