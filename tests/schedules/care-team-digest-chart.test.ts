import { describe, expect, it } from "vitest";
import { putForm, session1Forms } from "../support/flows.js";
import { at, careTeam, marks, sentContaining, sweepAt, sweptThrough } from "../support/outbox-helpers.js";

describe("the care team's digest chart", () => {
  it("comes with the digest once session 1's figures are published, with its trend in words", async () => {
    const world = await sweptThrough([at.orientationDue, at.reminder1Due, at.checkin1Due]);
    await world.store.updateGroup("pain-tue", (state) => {
      for (const [member, values] of session1Forms) putForm(state, member, 1, values, at.checkin1Due);
    });
    await sweepAt(world, at.window1Closes);
    const [digest] = sentContaining(world, marks.digest);
    expect(digest?.to).toBe(careTeam);
    const image = digest?.message.blocks.at(-1);
    expect(image?.type).toBe("image");
    expect(image?.type === "image" && image.alt).toContain("Engaged 4.4 at session 1");
  });

  it("is left out when too few answered to publish anything", async () => {
    const world = await sweptThrough([at.orientationDue, at.reminder1Due, at.checkin1Due]);
    await world.store.updateGroup("pain-tue", (state) => {
      for (const [member, values] of session1Forms.slice(0, 4)) putForm(state, member, 1, values, at.checkin1Due);
    });
    await sweepAt(world, at.window1Closes);
    const [digest] = sentContaining(world, marks.digest);
    expect(digest?.message.blocks.some((block) => block.type === "image")).toBe(false);
    expect(world.charts.specs).toEqual([]);
  });
});
