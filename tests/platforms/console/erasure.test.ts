import { describe, expect, it } from "vitest";
import { consoleAt } from "./console-harness.js";

describe("erasure in the console", () => {
  it("a lead asks to forget a member and presses the button by its letter; the member's answers are gone", async () => {
    const { type, store } = consoleAt("2026-12-01T19:25:00Z");
    await type("/simulate off", "/clock +15m", "1");
    expect(Object.keys((await store.readGroup("pain-tue")).answers)).toEqual(["console:ana|1|pulse|pulse-1"]);
    const asked = await type("/as lead okafor", "/cohesion forget pain-tue ana");
    expect(asked).toContain(
      "ana: will have their data in Chronic pain skills, Tuesday evening erased once you confirm: 1 answer,",
    );
    expect(asked).toContain("[a] Erase their data");
    expect(await type("a")).toContain("Done: their data in Chronic pain skills, Tuesday evening is erased");
    expect((await store.readGroup("pain-tue")).answers).toEqual({});
  });

  it("a member asks `my data` and `delete my data`, and confirms with the button", async () => {
    const { type, store } = consoleAt("2026-12-01T19:25:00Z");
    await type("/simulate off", "/clock +15m", "1");
    expect(await type("/cohesion my data")).toContain("• your check-in answers from 1 session");
    expect(await type("/cohesion delete my data")).toContain("[a] Delete my data");
    expect(await type("a")).toContain("Done. Your answers and messages are deleted (1 answer, 0 messages)");
    expect((await store.readGroup("pain-tue")).answers).toEqual({});
  });
});
