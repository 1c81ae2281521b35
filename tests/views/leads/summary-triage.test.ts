import { describe, expect, it } from "vitest";
import { command } from "../../support/flows.js";
import { briefingOf, closesOf, rupturing, small, stable, storyWorld } from "./group-stories.js";

const okafor = "console:okafor";
const careTeam = "console:care-team";

/** The summary a lead (or the care team) reads before session 8, line by line. */
async function summaryBeforeSession8(story: typeof stable, from = okafor): Promise<string[]> {
  const world = await storyWorld(story, briefingOf(8));
  return (await command(world, from, "summary pain-tue", from === careTeam ? careTeam : undefined)).split("\n");
}

describe("a lead's summary opens with a triage", () => {
  it("of a steady group: no safety alerts, nobody needing attention, the group steady in one line", async () => {
    const lines = await summaryBeforeSession8(stable);
    expect(lines.slice(0, 4)).toEqual([
      "*Climate summary: Chronic pain skills, Tuesday evening*",
      "Safety: no urgent alerts open.",
      "Members: none need attention.",
      "Group, session 7: steady (Engaged 4.0 · Avoiding 2.0 · Conflict 1.0).",
    ]);
    expect(lines).toContain("No open alerts about the group.");
  });

  it("of a rupturing group: the old unacknowledged safety alert first, who stopped answering, what to act on", async () => {
    const lines = await summaryBeforeSession8(rupturing);
    expect(lines.slice(1, 4)).toEqual([
      "Safety: 1 urgent alert open, raised 41 days ago, not yet acknowledged.",
      "Members: 1 needs attention (1 stopped answering).",
      "Group, session 7: Engaged 1.8 (reference 4.0): act · Conflict 3.8 (reference 1.0): act.",
    ]);
  });

  it("never says a subscale is steady beside an open alert about it", async () => {
    const lines = await summaryBeforeSession8(rupturing);
    expect(lines).toContain("• Engaged has dropped (session 6, new)");
    expect(lines).toContain("Conflict above its reference over sessions 2-7 (an alert is open)");
    expect(lines.filter((line) => /^(Engaged|Conflict) steady/.test(line))).toEqual([]);
  });

  it("of a small group (6 members, 4 answering): the leads see its collapse from 3 answers", async () => {
    const lines = await summaryBeforeSession8(small);
    expect(lines.slice(1, 4)).toEqual([
      "Safety: no urgent alerts open.",
      "Members: none need attention.",
      "Group, session 7: Engaged 1.0 (reference 4.0): act · Conflict 4.0 (reference 1.0): act.",
    ]);
    expect(lines).toContain(
      "Too few answers to judge for alerts about the group: they need 5 answers in at least 3 sessions.",
    );
    expect(lines.join("\n")).not.toContain("No open alerts");
  });

  it("keeps the detail short: the last three sessions, one line of history and a one-line legend", async () => {
    const lines = await summaryBeforeSession8(stable);
    expect(lines.filter((line) => line.startsWith("*Session "))).toEqual([
      "*Session 5* · Tuesday 29 December · Guided imagery I",
      "*Session 6* · Tuesday 5 January · Guided imagery II",
      "*Session 7* · Tuesday 12 January · Medications and alternative options",
    ]);
    expect(lines).toContain("Sessions 1-4: Engaged 4.0 · Avoiding 2.0 · Conflict 1.0.");
    // The chart, last of all, shows no text here.
    const shown = lines.filter((line) => line !== "");
    expect(shown.at(-1)).toMatch(/^Pain skills group \(8 sessions\) · 7 sessions held · GCQ-S means on 0-6/);
    expect(shown.length).toBeLessThanOrEqual(25);
  });
});

describe("the care team's summary opens with a triage too", () => {
  it("without members, and says 'too few answers to judge' for a small group, never 'no open alerts'", async () => {
    const lines = await summaryBeforeSession8(small, careTeam);
    expect(lines.slice(0, 3)).toEqual([
      "*Climate summary: Chronic pain skills, Tuesday evening*",
      "Safety: no urgent alerts open.",
      "Group: too few answers to judge yet.",
    ]);
    expect(lines.join("\n")).not.toMatch(/No open alerts|Members:|Engaged \d/);
  });

  it("counts a safety alert and its age without saying who", async () => {
    const lines = await summaryBeforeSession8(rupturing, careTeam);
    expect(lines.slice(1, 3)).toEqual([
      "Safety: 1 urgent alert open, raised 41 days ago, not yet acknowledged.",
      "Group, session 7: Engaged 1.8 (reference 4.0): act · Conflict 3.8 (reference 1.0): act.",
    ]);
    expect(lines.join("\n")).not.toMatch(/ana|ben|stopped answering/);
  });
});

describe("respondent counts per subscale", () => {
  it("are given when a subscale rests on fewer forms than the others", async () => {
    const world = await storyWorld(
      {
        ...stable,
        // Ana leaves out all three Avoiding items (3, 5 and 9) in session 1: her form still counts.
        extra: (state) => {
          for (const item of [3, 5, 9]) delete state.answers[`console:ana|1|gcq-s|gcq-${item}`];
        },
        sessions: stable.sessions.slice(0, 1),
      },
      closesOf(1),
    );
    const text = await command(world, okafor, "summary pain-tue");
    expect(text).toContain("Engaged 4.0 · Avoiding 2.2 from 6 forms · Conflict 1.0 · 7 full check-ins");
  });
});
