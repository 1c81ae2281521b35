import { describe, expect, it } from "vitest";
import type { ImageBlock } from "../../src/kernel/message.js";
import { bySubscale, putForm, session1Forms } from "../support/flows.js";
import { allText, at, careTeam, marks, painTueWorld, sentContaining, sweepAt } from "../support/outbox-helpers.js";
import { makeWorld, type World } from "../support/world.js";

// The demo's two groups share the care team channel. pain-tue's session 1 closes Friday 4 December 19:30;
// segt-thu's session 1 (Thursday 3 December 14:00) closes Sunday 6 December 15:30; Monday 7 December is ISO week 50.
const monday7 = "2026-12-07T09:00:00Z";
const segtCheckin1 = "2026-12-03T15:40:00Z";
const segtMembers = ["console:iris", "console:jo", "console:kim", "console:lena", "console:mira"];

async function world(): Promise<World> {
  const w = makeWorld();
  await sweepAt(w, at.beforeEverything);
  await sweepAt(w, at.checkin1Due);
  await sweepAt(w, segtCheckin1);
  await w.store.updateGroup("pain-tue", (state) => {
    for (const [member, values] of session1Forms) putForm(state, member, 1, values, at.checkin1Due);
  });
  await w.store.updateGroup("segt-thu", (state) => {
    for (const member of segtMembers.slice(0, 3)) putForm(state, member, 1, bySubscale(5, 1, 1), segtCheckin1);
  });
  return w;
}

describe("the weekly overview to a care team channel that follows several groups", () => {
  it("goes out once, on Monday at 09:00, after a week in which a group published a session", async () => {
    const w = await world();
    await sweepAt(w, "2026-12-07T08:59:00Z");
    expect(sentContaining(w, marks.overview)).toEqual([]);
    await sweepAt(w, monday7);
    await sweepAt(w, "2026-12-07T10:00:00Z");
    const overviews = sentContaining(w, marks.overview);
    expect(overviews.map((o) => o.to)).toEqual([careTeam]);
    const entry = (await w.store.readGroup("pain-tue")).outbox["overview:pain-tue:202650:console:care-team"];
    expect(entry?.status).toBe("sent");
  });

  it("shows each group's latest published figures, and 'no figures yet' where too few answered", async () => {
    const w = await world();
    await sweepAt(w, monday7);
    const [overview] = sentContaining(w, marks.overview);
    const text = allText(overview?.message ?? { text: "", blocks: [] });
    expect(text).toContain("Weekly overview: 2 groups");
    expect(text).toContain(
      "*Chronic pain skills, Tuesday evening*\nSession 1: Engaged 4.4 · Avoiding 1.8 · Conflict 0.4 · 5 of 8 answered session 1",
    );
    expect(text).toContain(
      "*Metastatic breast cancer support (SEGT), Thursday*\nNo figures yet · 3 of 6 answered session 1",
    );
    expect(text).not.toMatch(/Engaged 5\.0/);
  });

  it("carries the small-multiples chart, with both groups and nothing below the privacy floor", async () => {
    const w = await world();
    await sweepAt(w, monday7);
    const [overview] = sentContaining(w, marks.overview);
    const image = overview?.message.blocks.find((block): block is ImageBlock => block.type === "image");
    expect(image?.alt).toContain("Chronic pain skills, Tuesday evening: Engaged 4.4 at session 1");
    expect(image?.alt).toContain("Metastatic breast cancer support (SEGT), Thursday: Engaged: not enough answers yet");
    const [full] = w.charts.specs;
    const values = (full?.["data"] as { values: Record<string, unknown>[] }).values;
    expect(values.filter((row) => String(row["group"]).startsWith("Metastatic"))).toEqual([
      {
        kind: "note",
        group: "Metastatic breast cancer support (SEGT), Thursday\n50% answered session 1",
        note: "no figures yet",
      },
    ]);
  });

  it("stays quiet in a week when no group published anything", async () => {
    const w = await world();
    await sweepAt(w, "2026-11-30T09:00:00Z");
    expect(sentContaining(w, marks.overview)).toEqual([]);
  });

  it("is not sent to a channel that follows a single group (its digest already says it all)", async () => {
    const w = painTueWorld();
    await sweepAt(w, at.beforeEverything);
    await sweepAt(w, at.checkin1Due);
    await sweepAt(w, at.window1Closes);
    await sweepAt(w, monday7);
    expect(sentContaining(w, marks.overview)).toEqual([]);
  });
});
