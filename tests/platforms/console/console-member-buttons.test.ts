import { describe, expect, it } from "vitest";
import { consoleAt } from "./console-harness.js";

describe("a member's buttons in the console", () => {
  it('offers contact after "Hard going", and a yes reaches both leads as a message, not an alert', async () => {
    const { type, store } = consoleAt("2026-12-01T19:25:00Z");
    await type("/simulate off", "/clock +15m");
    const offer = await type("1");
    expect(offer).toContain("Thank you, that's saved. Would you like one of your leads to get in touch?");
    expect(offer).toContain("[a] Yes, please");
    expect(offer).not.toContain("If you need help now");
    const yes = await type("a");
    expect(yes).toContain("I've asked your leads to get in touch with you.");
    for (const lead of ["okafor", "sam"])
      expect(yes).toContain(
        `(simulated) to ${lead} (lead): A member of Chronic pain skills, Tuesday evening would like one of you to get in touch.`,
      );
    expect((await store.readGroup("pain-tue")).alerts).toEqual({});
  });

  it("asks a member with a question about the welcome to write it, and passes it to the leads", async () => {
    const { type } = consoleAt("2026-11-28T17:50:00Z");
    const welcome = await type("/simulate off", "/clock +15m");
    expect(welcome).toContain("Welcome to your Tuesday group.");
    expect(welcome).toContain("[a] I have a question for the leads");
    expect(await type("a")).toContain("Just write your question here and I'll pass it to your leads.");
    expect(await type("Is there parking nearby?")).toContain("I've passed your message to your group leaders.");
  });

  it("stores that a member has read the orientation when it all arrives at once", async () => {
    const { type, store } = consoleAt("2026-12-01T17:50:00Z");
    const parts = await type("/simulate off", "/clock +15m");
    expect(parts).toContain("[a] I've read this");
    expect(await type("a")).toContain("Thank you for reading it.");
    expect(Object.keys((await store.readGroup("pain-tue")).orientationRead)).toEqual(["console:ana"]);
  });
});
