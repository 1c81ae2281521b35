import { describe, expect, it } from "vitest";
import { digestTime, synthesiseGroup, type Plan } from "../core/alerts/synthetic/synthetic-group.js";
import { groupById } from "../support/flows.js";
import {
  allText,
  buttonsOf,
  careTeam,
  leads,
  members,
  painTueWorld,
  sentContaining,
  sweepAt,
} from "../support/outbox-helpers.js";
import type { World } from "../support/world.js";

const ben = members[1]!;
const okafor = leads[0]!;
const dropHeadline = "Alert about Chronic pain skills, Tuesday evening: Engaged has dropped";
const silentHeadline = "A member has stopped answering";

/** A rupture at session 5 (everyone but ben answers it in full), and ben silent since session 4. */
const plan: Plan = {
  answers: (m, n) => (m === 1 ? (n <= 3 ? 1 : 0) : n === 5 ? 1 : 0.85),
  fullForm: (_m, n) => (n === 5 ? 1 : 0.9),
  group: (n) => (n === 5 ? { engaged: -2.5, conflict: 2 } : n > 5 ? { engaged: -1.5, conflict: 1.5 } : {}),
};

async function withSessions(world: World, sessions: number): Promise<void> {
  const planted = synthesiseGroup(groupById(world, "pain-tue"), sessions, 1, plan);
  await world.store.updateGroup("pain-tue", (state) =>
    Object.assign(state, { answers: planted.answers, prompts: planted.prompts, rsvps: planted.rsvps }),
  );
}

async function atDigest(sessions: number, world = painTueWorld()): Promise<World> {
  await withSessions(world, sessions);
  world.messenger.sent.length = 0;
  await sweepAt(world, digestTime(groupById(world, "pain-tue"), sessions, 72).toISOString());
  return world;
}

describe("alerts on the schedule", () => {
  it("a group-level alert reaches both leads and the care team channel when the session's answers close", async () => {
    const world = await atDigest(5);
    expect(
      sentContaining(world, dropHeadline)
        .map((s) => s.to)
        .sort(),
    ).toEqual([careTeam, ...leads].sort());
    const alert = sentContaining(world, dropHeadline)[0]!.message;
    expect(allText(alert)).toMatch(
      /Engaged was \d\.\d in session 5; the trend is \d\.\d below its baseline of \d\.\d\./,
    );
    expect(allText(alert)).toMatch(
      /On: \d full check-ins in session 5\. How sure: (Very likely|Probably) a real change/,
    );
    expect(allText(alert)).toContain(
      "Worth considering, if it fits: principle 5 (timing feedback to the group's stage and each member's readiness)",
    );
    expect(buttonsOf(alert).map((b) => b.label)).toEqual(["Acknowledge", "Discussed in group", "Resolved"]);
  });

  it("a member-level alert reaches the leads only: never the care team channel, its digest, or any member", async () => {
    const world = await atDigest(5);
    const silent = sentContaining(world, silentHeadline);
    expect(silent.map((s) => s.to).sort()).toEqual([...leads].sort());
    expect(silent[0]?.message.blocks).toContainEqual(expect.objectContaining({ type: "mention", address: ben }));
    const toCareTeam = world.messenger.sent.filter((s) => s.to === careTeam);
    expect(toCareTeam.length).toBeGreaterThan(0);
    for (const { message } of toCareTeam) {
      expect(allText(message)).not.toMatch(/stopped answering|A member/);
      expect(message.blocks.filter((b) => b.type === "mention" && b.address === ben)).toEqual([]);
    }
    expect(world.messenger.sent.filter((s) => members.includes(s.to) && allText(s.message).includes("Alert"))).toEqual(
      [],
    );
  });

  it("the digest lists the group-level alerts still open", async () => {
    const world = await atDigest(5);
    const digest = sentContaining(world, "Digest after session 5")[0]!.message;
    expect(allText(digest)).toContain(
      "*Open alerts about the group (2)*\n• Engaged has dropped (session 5, new)\n• Conflict is up (session 5, new)",
    );
    expect(allText(digest)).toContain("*Trends*");
  });

  it("an alert nobody has acted on is sent again after the next session while it holds; an acknowledged one is not", async () => {
    const unacknowledged = painTueWorld();
    await atDigest(5, unacknowledged);
    await atDigest(6, unacknowledged);
    expect(
      sentContaining(
        unacknowledged,
        "Still open: alert about Chronic pain skills, Tuesday evening: Engaged has dropped",
      )
        .map((s) => s.to)
        .sort(),
    ).toEqual([careTeam, ...leads].sort());

    const acknowledged = await atDigest(5);
    const button = buttonsOf(sentContaining(acknowledged, dropHeadline).find((s) => s.to === careTeam)!.message)[0]!;
    const outcome = await acknowledged.interactions.handle({
      type: "button",
      from: "console:nurse-pat",
      channel: careTeam,
      promptId: button.promptId,
      action: "alert-acknowledge",
    });
    expect(outcome).toMatchObject({ replacesPrompt: true });
    await atDigest(6, acknowledged);
    expect(
      sentContaining(acknowledged, "Still open: alert about Chronic pain skills, Tuesday evening: Engaged has dropped"),
    ).toEqual([]);
    // The alert about ben, which nobody acknowledged, is still sent again to the leads.
    expect(
      sentContaining(acknowledged, `Still open: alert about Chronic pain skills, Tuesday evening: ${silentHeadline}`)
        .map((s) => s.to)
        .sort(),
    ).toEqual([...leads].sort());
    expect(allText(sentContaining(acknowledged, "Digest after session 6")[0]!.message)).toContain(
      "• Engaged has dropped (session 5, acknowledged)",
    );
    const audit = (await acknowledged.store.readGroup("pain-tue")).audit;
    expect(audit).toEqual([
      expect.objectContaining({ actor: "console:nurse-pat", action: "alert-acknowledged", subject: button.promptId }),
    ]);
  });
});

describe("summary with trends and alerts", () => {
  it("shows a lead, asking privately, the open alerts about members too; the care team sees only the group's", async () => {
    const world = await atDigest(5);
    const lead = await world.interactions.handle({ type: "command", from: okafor, text: "summary pain-tue" });
    const team = await world.interactions.handle({ type: "command", from: careTeam, text: "summary pain-tue" });
    if (!("reply" in lead) || !("reply" in team)) throw new Error("expected replies");
    expect(allText(lead.reply)).toContain("Members: 1 needs attention (1 stopped answering).");
    expect(lead.reply.blocks).toContainEqual({
      type: "mention",
      address: ben,
      text: "has stopped answering (session 5, new)",
    });
    expect(allText(team.reply)).toContain("*Open alerts about the group (2)*");
    expect(allText(team.reply)).not.toContain("Members:");
    expect(team.reply.blocks.filter((b) => b.type === "mention")).toEqual([]);
  });

  it("`summary <group> share` posts the care team's version to its channel and says so", async () => {
    const world = await atDigest(5);
    world.messenger.sent.length = 0;
    const outcome = await world.interactions.handle({ type: "command", from: okafor, text: "summary pain-tue share" });
    expect("reply" in outcome && outcome.reply.text).toBe(
      "Shared the summary of Chronic pain skills, Tuesday evening with the care team channel.",
    );
    const shared = world.messenger.sent.filter((s) => s.to === careTeam);
    expect(shared).toHaveLength(1);
    expect(allText(shared[0]!.message)).toContain("Climate summary: Chronic pain skills, Tuesday evening");
    expect(allText(shared[0]!.message)).not.toMatch(/stopped answering/);
    expect(shared[0]!.message.blocks.filter((b) => b.type === "mention")).toEqual([]);
  });

  it("`share` is refused to a member like any summary, and shares nothing", async () => {
    const world = await atDigest(5);
    world.messenger.sent.length = 0;
    const outcome = await world.interactions.handle({ type: "command", from: ben, text: "summary pain-tue share" });
    expect("reply" in outcome && outcome.reply.text).toMatch(/^That is for the group's leads and care team/);
    expect(world.messenger.sent).toEqual([]);
  });
});
