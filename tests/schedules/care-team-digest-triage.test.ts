import { describe, expect, it } from "vitest";
import { careTeam, marks, sentContaining, sweepAt } from "../support/outbox-helpers.js";
import {
  closesOf,
  rupturing,
  shownLines,
  small,
  stable,
  storyWorld,
  type Story,
} from "../views/leads/group-stories.js";

/** The care team's digest after session 7 of a story, line by line. */
async function digestAfterSession7(story: Story): Promise<string[]> {
  const world = await storyWorld(story, closesOf(7));
  await sweepAt(world, closesOf(7));
  const digest = sentContaining(world, "Digest after session 7").find((sent) => sent.to === careTeam);
  if (!digest) throw new Error("no digest reached the care team");
  return shownLines(digest.message);
}

describe("the care team's digest opens with a triage", () => {
  it("of a steady group: no safety alerts and the group steady, in two lines (never who needs attention)", async () => {
    const lines = await digestAfterSession7(stable);
    expect(lines.slice(0, 3)).toEqual([
      `*${marks.digest} 7: Chronic pain skills, Tuesday evening*`,
      "Safety: no urgent alerts open.",
      "Group, session 7: steady (Engaged 4.0 · Avoiding 2.0 · Conflict 1.0).",
    ]);
  });

  it("of a rupturing group: how many safety alerts and how old, then what to act on, never who", async () => {
    const lines = await digestAfterSession7(rupturing);
    expect(lines.slice(1, 3)).toEqual([
      "Safety: 1 urgent alert open, raised 37 days ago, not yet acknowledged.",
      "Group, session 7: Engaged 1.8 (reference 4.0): act · Conflict 3.8 (reference 1.0): act.",
    ]);
    expect(lines.join("\n")).not.toMatch(/console:|stopped answering|Members:/);
  });

  it("of a small group (6 members, 4 answering): too few answers to judge, never 'no open alerts'", async () => {
    const lines = await digestAfterSession7(small);
    expect(lines.slice(1, 3)).toEqual(["Safety: no urgent alerts open.", "Group: too few answers to judge yet."]);
    expect(lines.join("\n")).not.toMatch(/No open alerts|Engaged \d/);
  });
});
