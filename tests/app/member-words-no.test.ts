import { describe, expect, it } from "vitest";
import { replyText } from "../support/flows.js";
import { leads, sentContaining } from "../support/outbox-helpers.js";
import { makeWorld } from "../support/world.js";

const ana = "console:ana";

describe("a member's words that start like no check-ins", () => {
  it("still reach their leads when they say something else, and change nothing", async () => {
    const world = makeWorld();
    for (const words of ["no I can't come on Tuesday", "Stop by the office after?"]) {
      const outcome = await world.interactions.handle({ type: "text", from: ana, text: words });
      expect(replyText(outcome)).toContain("I've passed your message to your group leaders.");
      expect(sentContaining(world, words).map((s) => s.to)).toEqual(expect.arrayContaining(leads));
    }
    expect((await world.store.readGroup("pain-tue")).declinedCheckins).toEqual({});
  });

  it("written in a direct message, no check-ins turns them off like the command", async () => {
    const world = makeWorld();
    const outcome = await world.interactions.handle({ type: "text", from: ana, text: "no check-ins" });
    expect(replyText(outcome)).toContain("You won't get check-ins from now on");
    expect(sentContaining(world, "no check-ins")).toEqual([]);
    expect((await world.store.readGroup("pain-tue")).declinedCheckins[ana]).toBeDefined();
  });
});
