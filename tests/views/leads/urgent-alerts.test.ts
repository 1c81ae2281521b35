import { describe, expect, it } from "vitest";
import { ageOf } from "../../../src/views/leads/urgent-alerts.js";
import { command } from "../../support/flows.js";
import { at, careTeam, leads, members, sweepAt, sweptThrough } from "../../support/outbox-helpers.js";

const [ana = members[0]!] = members;
const [okafor = leads[0]!] = leads;
const twoHoursLater = "2026-12-01T21:40:00Z";

async function urgentAlertTwoHoursOld() {
  const world = await sweptThrough([at.orientationDue, at.reminder1Due, at.checkin1Due]);
  await world.interactions.handle({ type: "text", from: ana, text: "I want to end my life" });
  await sweepAt(world, twoHoursLater);
  return world;
}

describe("open urgent alerts in summaries", () => {
  it("come first in a lead's summary, with the member and how long the alert has waited", async () => {
    const world = await urgentAlertTwoHoursOld();
    const outcome = await world.interactions.handle({ type: "command", from: okafor, text: "summary pain-tue" });
    const blocks = "reply" in outcome ? outcome.reply.blocks : [];
    expect(blocks[1]?.type === "text" && blocks[1].text.split("\n")[0]).toBe(
      "Safety: 1 urgent alert open, raised 2 hours ago, not yet acknowledged.",
    );
    expect(blocks[2]).toMatchObject({ type: "mention", address: ana });
    expect(blocks[2]?.type === "mention" && blocks[2].text).toContain("raised 2 hours ago, not yet acknowledged");
  });

  it("come first for the care team too, as a count and an age, never who", async () => {
    const world = await urgentAlertTwoHoursOld();
    const summary = await command(world, careTeam, "summary pain-tue", careTeam);
    expect(summary.split("\n")[1]).toBe("Safety: 1 urgent alert open, raised 2 hours ago, not yet acknowledged.");
    expect(summary).not.toContain("ana");
  });

  it("read by a lead privately are written to the audit log; the care team's summary is not", async () => {
    const world = await urgentAlertTwoHoursOld();
    await command(world, careTeam, "summary pain-tue", careTeam);
    await command(world, okafor, "summary pain-tue");
    const reads = (await world.store.readGroup("pain-tue")).audit.filter((e) => e.action === "member-alerts-read");
    expect(reads.map((e) => [e.actor, e.subject])).toEqual([[okafor, "member alerts: 1"]]);
  });

  it("say so in one line when no urgent alert is open", async () => {
    const world = await sweptThrough([at.orientationDue, at.reminder1Due, at.checkin1Due]);
    expect(await command(world, okafor, "summary pain-tue")).toContain("Safety: no urgent alerts open.");
  });

  it("count their age in minutes, hours, then days", () => {
    const start = new Date("2026-12-01T10:00:00Z");
    const later = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    expect(ageOf(start, later(1))).toBe("1 minute");
    expect(ageOf(start, later(59))).toBe("59 minutes");
    expect(ageOf(start, later(120))).toBe("2 hours");
    expect(ageOf(start, later(47 * 60))).toBe("47 hours");
    expect(ageOf(start, later(3 * 24 * 60))).toBe("3 days");
  });
});
