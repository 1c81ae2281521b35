import { describe, expect, it } from "vitest";
import { consoleAt } from "./console-harness.js";

describe("no check-ins in the console", () => {
  it("playing a member who says no check-ins, no check-in comes after the session; check-ins on brings the open one", async () => {
    const { type } = consoleAt("2026-12-01T19:00:00Z");
    // The console starts during session 1, so the orientation it has not sent yet comes first.
    await type("/simulate off", "/as member ana", "/clock +30m");
    const reply = await type("no check-ins");
    expect(reply).toContain("You won't get check-ins from now on");
    expect(reply).toContain("check-ins on");

    const after = await type("/clock +30m");
    expect(after).not.toContain("── Cohesion → you (ana, member)");
    expect(after).toContain("(simulated) to ben (member): Thank you for being part of today's session");

    const back = await type("/cohesion check-ins on", "/clock +30m");
    expect(back).toContain("Your check-ins are on again");
    expect(back).toContain("── Cohesion → you (ana, member)");
    expect(back).toContain("Thank you for being part of today's session");
  });
});
