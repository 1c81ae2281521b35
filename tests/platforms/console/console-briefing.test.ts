import { describe, expect, it } from "vitest";
import { consoleAt } from "./console-harness.js";

describe("the leads' briefing in the console", () => {
  it("is shown in full to the lead being played three hours before the session, and as one line for the other", async () => {
    const { type } = consoleAt("2026-12-01T14:00:00Z");
    await type("/simulate off", "/as lead okafor");
    const out = await type("/clock +1h");
    expect(out).toContain("Briefing before session 1: Chronic pain skills, Tuesday evening");
    expect(out).toContain("Tuesday 1 December, 18:00 · Relaxation I: breathing and muscle relaxation");
    expect(out).toContain("Safety: no urgent alerts open.");
    expect(out).toContain("Members: 8 need attention (8 orientation not confirmed).");
    expect(out).toContain("Worth considering, if it fits: principle 1 (pre-group preparation).");
    expect(out).toContain("(simulated) to sam (lead): Briefing before session 1");
  });
});
