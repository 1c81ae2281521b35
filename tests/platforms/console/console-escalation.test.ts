import { describe, expect, it } from "vitest";
import { consoleAt } from "./console-harness.js";

describe("an urgent alert in the console that no lead acknowledges", () => {
  it("reaches the clinician on call after an hour, then the care team channel without the member's words", async () => {
    const { type, store } = consoleAt("2026-12-01T19:25:00Z");
    await type("/simulate off", "/clock +15m");
    await type("Some nights I think everyone would be better off dead without me");
    const firstHour = await type("/clock +1h");
    expect(firstHour).toContain("(simulated) to patel (on call): Alert about Chronic pain skills, Tuesday evening");
    expect(firstHour).not.toContain("has not been acknowledged");
    const secondHour = await type("/clock +1h");
    const toCareTeam = secondHour.split("\n").filter((line) => line.includes("to care-team"));
    expect(toCareTeam.join("\n")).toContain("An urgent alert about a member of Chronic pain skills");
    expect(toCareTeam.join("\n")).not.toContain("better off");
    const audit = (await store.readGroup("pain-tue")).audit.map((entry) => entry.action);
    expect(audit).toContain("alert-escalated");
  });
});
