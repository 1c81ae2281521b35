import { describe, expect, it } from "vitest";
import { toAddress } from "../../src/kernel/address.js";
import {
  entriesOf,
  leads,
  marks,
  members,
  painTueWorld,
  recipientsOf,
  sentContaining,
  sweepAt,
} from "../support/outbox-helpers.js";
import { exampleConfig } from "../support/example-setup.js";
import { makeWorld } from "../support/world.js";
import {
  briefingOf,
  rupturing,
  shownLines,
  small,
  stable,
  storyWorld,
  type Story,
} from "../views/leads/group-stories.js";

const okafor = toAddress("console:okafor");

/** The briefing okafor gets before session 8 of a story, line by line. */
async function briefingBeforeSession8(story: Story): Promise<string[]> {
  const world = await storyWorld(story, briefingOf(8));
  await sweepAt(world, briefingOf(8));
  const briefing = sentContaining(world, marks.briefing).find((sent) => sent.to === okafor);
  if (!briefing) throw new Error("no briefing reached okafor");
  return shownLines(briefing.message);
}

describe("the leads' briefing before each session", () => {
  it("reaches each lead privately three hours before the session, once", async () => {
    const world = painTueWorld();
    await sweepAt(world, "2026-12-01T14:59:00Z");
    expect(sentContaining(world, marks.briefing)).toEqual([]);
    for (const instant of ["2026-12-01T15:00:00Z", "2026-12-01T15:01:00Z", "2026-12-01T17:00:00Z"])
      await sweepAt(world, instant);
    expect(recipientsOf(world, marks.briefing)).toEqual([...leads].sort());
    for (const address of [...members, toAddress("console:care-team")])
      expect(world.messenger.textsTo(address).filter((text) => text.includes(marks.briefing))).toEqual([]);
  });

  it("is written to the audit log as a read of members' alerts", async () => {
    const world = painTueWorld();
    await sweepAt(world, "2026-12-01T15:00:00Z");
    const reads = (await world.store.readGroup("pain-tue")).audit.filter((e) => e.action === "member-alerts-read");
    expect(reads.map((e) => e.actor).sort()).toEqual([...leads].sort());
  });

  it("is useless once the session has started: after downtime it is recorded as expired, not sent", async () => {
    const world = painTueWorld();
    await sweepAt(world, "2026-12-01T12:00:00Z");
    await sweepAt(world, "2026-12-01T18:00:00Z");
    expect(sentContaining(world, marks.briefing)).toEqual([]);
    expect([...(await entriesOf(world, "briefing", 1)).values()].map((e) => e.status)).toEqual(["expired", "expired"]);
  });

  it("comes `briefingHoursBefore` the session when the organisation sets it", async () => {
    const config = exampleConfig((c) => ({
      ...c,
      organisation: { ...c.organisation, timing: { ...c.organisation.timing, briefingHoursBefore: 5 } },
    }));
    const world = makeWorld({ config });
    await sweepAt(world, "2026-12-01T12:59:00Z");
    expect(sentContaining(world, "Briefing before session 1")).toEqual([]);
    await sweepAt(world, "2026-12-01T13:00:00Z");
    expect(
      sentContaining(world, "Briefing before session 1")
        .map((s) => s.to)
        .sort(),
    ).toEqual([...leads].sort());
  });

  it("is not sent when the group turned it off, nor for a cancelled session", async () => {
    const off = painTueWorld({ edit: (group) => ({ ...group, briefing: "off" }) });
    await sweepAt(off, "2026-12-01T15:00:00Z");
    expect(sentContaining(off, marks.briefing)).toEqual([]);
    const cancelled = painTueWorld({ edit: (group) => ({ ...group, changes: [{ session: 1, cancelled: true }] }) });
    await sweepAt(cancelled, "2026-12-01T15:00:00Z");
    expect(sentContaining(cancelled, marks.briefing)).toEqual([]);
  });

  it("before session 1, names who has not confirmed their orientation and suggests preparation", async () => {
    const world = painTueWorld();
    await sweepAt(world, "2026-12-01T15:00:00Z");
    const lines = shownLines(sentContaining(world, "Briefing before session 1")[0]!.message);
    expect(lines).toEqual([
      "*Briefing before session 1: Chronic pain skills, Tuesday evening*",
      "Tuesday 1 December, 18:00 · Relaxation I: breathing and muscle relaxation",
      "Safety: no urgent alerts open.",
      "Members: 8 need attention (8 orientation not confirmed).",
      "Group: too few answers to judge yet.",
      "@console:ana has not confirmed their orientation",
      "@console:ben has not confirmed their orientation",
      "@console:carla has not confirmed their orientation",
      "@console:dev has not confirmed their orientation",
      "@console:erin has not confirmed their orientation",
      "…and 3 more: `summary pain-tue`",
      "Worth considering, if it fits: principle 1 (pre-group preparation).",
    ]);
  });
});

describe("what the briefing says, in about 12 lines", () => {
  it("for a steady group: the session, its topic, nothing urgent, the group steady, a principle for the late phase", async () => {
    expect(await briefingBeforeSession8(stable)).toEqual([
      "*Briefing before session 8: Chronic pain skills, Tuesday evening*",
      "Tuesday 19 January, 18:00 · Spirituality, pain and suffering",
      "Safety: no urgent alerts open.",
      "Members: none need attention.",
      "Group, session 7: steady (Engaged 4.0 · Avoiding 2.0 · Conflict 1.0).",
      "Worth considering, if it fits: principle 7 (helping emotional expression, others' responsiveness to it, and shared meaning).",
    ]);
  });

  it("for a rupturing group: the safety alert, who stopped answering, who can't come, what to act on", async () => {
    const lines = await briefingBeforeSession8(rupturing);
    expect(lines.slice(2, 5)).toEqual([
      "Safety: 1 urgent alert open, raised 41 days ago, not yet acknowledged.",
      "Members: 1 needs attention (1 stopped answering).",
      "Group, session 7: Engaged 1.8 (reference 4.0): act · Conflict 3.8 (reference 1.0): act.",
    ]);
    expect(lines.slice(5)).toEqual([
      "• Conflict is up (session 6, new)",
      "• Engaged has dropped (session 6, new)",
      "Can't come: 1",
      "@console:ben has stopped answering",
      "@console:femi said they can't come",
      "Worth considering, if it fits: principle 5 (timing feedback to the group's stage and each member's readiness).",
    ]);
  });

  it("for a small group (6 members, 4 answering): its collapse, judged from 3 answers", async () => {
    const lines = await briefingBeforeSession8(small);
    expect(lines.slice(2, 5)).toEqual([
      "Safety: no urgent alerts open.",
      "Members: none need attention.",
      "Group, session 7: Engaged 1.0 (reference 4.0): act · Conflict 4.0 (reference 1.0): act.",
    ]);
    expect(lines.length).toBeLessThanOrEqual(12);
  });
});
