import { describe, expect, it } from "vitest";
import { exampleConfig } from "../../support/example-setup.js";
import { thermometerConfig } from "../../support/distress-thermometer.js";
import { consoleAt } from "./console-harness.js";

describe("the distress thermometer in the console", () => {
  it("is asked after the GCQ-S, one question at a time, and 4 or more alerts the leads and shows the crisis lines", async () => {
    const { type, store } = consoleAt("2026-12-01T19:25:00Z", undefined, exampleConfig(thermometerConfig));
    const checkin = await type("/simulate off", "/clock +15m");
    expect(checkin).toContain("[a] Full check-in");
    await type("a");
    let last = "";
    for (let i = 0; i < 12; i += 1) last = await type("3");
    expect(last).toContain("(13/13) And about you, not the group: How much distress");
    expect(last).toContain("0 No distress · 1 · 2");
    expect(last).toContain("10 Extreme distress");
    const reply = await type("5");
    expect(reply).toContain("It sounds like things are hard right now.");
    expect(reply).toContain("Samaritans");
    for (const lead of ["okafor", "sam"])
      expect(reply).toContain(`(simulated) to ${lead} (lead): Alert about Chronic pain skills, Tuesday evening`);
    const state = await store.readGroup("pain-tue");
    expect(Object.values(state.alerts)).toMatchObject([{ kind: "distress", item: "dt-1", value: 5 }]);
  });
});
