import { describe, expect, it } from "vitest";
import { consoleAt } from "./console-harness.js";

describe("the console session", () => {
  it("moves time to the next session's start", async () => {
    const { type, clock } = consoleAt("2026-11-30T09:00:00Z");
    expect(await type("/clock next-session")).toContain("The time is now Tuesday 1 December, 18:00.");
    expect(clock.now().toISOString()).toBe("2026-12-01T18:00:00.000Z");
  });

  it("refuses to move time backwards or by something it does not understand", async () => {
    const { type, clock } = consoleAt("2026-11-30T09:00:00Z");
    expect(await type("/clock -1h")).toContain("Time moves forward only");
    expect(await type("/clock +2x")).toContain("Time moves forward only");
    expect(clock.now().toISOString()).toBe("2026-11-30T09:00:00.000Z");
  });

  it("explains who can be played when a name is unknown", async () => {
    const out = await consoleAt("2026-11-30T09:00:00Z").type("/as member zed");
    expect(out).toContain('No member called "zed". Try one of: ana, ben');
  });

  it("points to /help when a slash command is unknown", async () => {
    expect(await consoleAt("2026-11-30T09:00:00Z").type("/hello")).toContain("I didn't catch that. Type /help");
  });

  it("hands other words to Cohesion as a message from the member being played, which reaches both leads", async () => {
    const { type, store } = consoleAt("2026-11-30T09:00:00Z");
    const out = await type("hello?");
    expect(out).toContain("I've passed your message to your group leaders.");
    expect(out).toContain("This chat is not watched around the clock.");
    expect(out).toContain("If you need help now:");
    for (const lead of ["okafor", "sam"])
      expect(out).toContain(`(simulated) to ${lead} (lead): Message from a member of Chronic pain skills`);
    expect(out).not.toContain("I didn't catch that");
    expect(out).not.toContain("(simulated) to care-team");
    expect((await store.readGroup("pain-tue")).alerts).toEqual({});
  });

  it("shows the member where to get help now when their words suggest risk, and alerts both leads", async () => {
    const { type, store } = consoleAt("2026-12-01T19:25:00Z");
    await type("/simulate off", "/clock +15m");
    const out = await type("Some nights I think everyone would be better off dead without me");
    expect(out).toContain("Thank you for telling me.");
    expect(out).toContain("If you need help now:");
    for (const lead of ["okafor", "sam"])
      expect(out).toContain(
        `(simulated) to ${lead} (lead): Alert about Chronic pain skills, Tuesday evening: A member's message may suggest risk`,
      );
    expect(out).not.toContain("(member):");
    expect(Object.values((await store.readGroup("pain-tue")).alerts)).toHaveLength(1);
  });

  it("runs a command typed without the slash, like pause", async () => {
    const { type, store } = consoleAt("2026-11-30T09:00:00Z");
    await type("pause");
    expect((await store.readGroup("pain-tue")).paused["console:ana"]).toBeDefined();
  });

  it("reminds the care team channel to use /cohesion, and reads nothing it types as a member's words", async () => {
    const { type, store } = consoleAt("2026-12-01T19:40:00Z");
    const out = await type("/as care-team", "Some nights I think everyone would be better off dead without me");
    expect(out).toContain("talk to Cohesion with /cohesion <command>");
    expect((await store.readGroup("pain-tue")).alerts).toEqual({});
  });

  it("sends nothing when the member stops the full check-in part way", async () => {
    const { type, store } = consoleAt("2026-12-01T19:00:00Z");
    await type("/simulate off", "/clock +1h");
    const out = await type("a", "4", "q");
    expect(out).toContain("(1/12)");
    expect(out).toContain("nothing was sent");
    const state = await store.readGroup("pain-tue");
    expect(Object.keys(state.answers).filter((key) => key.startsWith("console:ana|"))).toEqual([]);
  });
});
