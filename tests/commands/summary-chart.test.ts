import { describe, expect, it } from "vitest";
import type { ImageBlock, Message } from "../../src/kernel/message.js";
import { createPngChartRenderer } from "../../src/chart-renderer/png-chart-renderer.js";
import { painTue, putSession1Answers } from "../support/flows.js";
import { at, members, painTueWorld, sweepAt } from "../support/outbox-helpers.js";
import { makeWorld, type World } from "../support/world.js";
import { RecordingChartRenderer } from "../support/fakes.js";
import { pngSignature } from "../chart-renderer/decode-png.js";

const okafor = "console:okafor";

/** pain-tue after session 1's check-ins went out, with five full forms in (enough to publish). */
async function afterSession1(world: World = painTueWorld()): Promise<World> {
  await sweepAt(world, at.checkin1Due);
  await world.store.updateGroup("pain-tue", (state) => {
    putSession1Answers(state, at.checkin1Due);
  });
  return world;
}

async function summaryFor(world: World, from: string): Promise<Message> {
  const outcome = await world.interactions.handle({ type: "command", from, text: "summary pain-tue" });
  if (!("reply" in outcome)) throw new Error("expected a reply");
  return outcome.reply;
}

function imageOf(message: Message): ImageBlock | undefined {
  return message.blocks.find((block): block is ImageBlock => block.type === "image");
}

describe("summary with a chart", () => {
  it("ends with the group's climate chart once session 1's figures are published", async () => {
    const world = await afterSession1();
    world.clock.set(painTue.closes1);
    const image = imageOf(await summaryFor(world, okafor));
    expect(image?.alt).toBe(
      "Group climate chart for Chronic pain skills, Tuesday evening, session 1, on a 0 to 6 scale: Engaged 4.4 at session 1; Avoiding 1.8 at session 1; Conflict 0.4 at session 1. 5 of 8 check-ins answered at session 1.",
    );
    expect(world.charts.specs).toHaveLength(2);
  });

  it("has no chart while answers are still coming in", async () => {
    const world = await afterSession1();
    world.clock.set(at.nudge1Due);
    expect(imageOf(await summaryFor(world, okafor))).toBeUndefined();
    expect(world.charts.specs).toEqual([]);
  });

  it("still answers, without the chart, when the chart cannot be drawn", async () => {
    const world = await afterSession1();
    world.clock.set(painTue.closes1);
    world.charts.fail = new Error("out of memory");
    const message = await summaryFor(world, okafor);
    expect(imageOf(message)).toBeUndefined();
    expect(message.text).toContain("Climate summary");
  });

  it("draws nothing for a member who asks", async () => {
    const world = await afterSession1();
    world.clock.set(painTue.closes1);
    const message = await summaryFor(world, members[0] ?? "");
    expect(imageOf(message)).toBeUndefined();
    expect(world.charts.specs).toEqual([]);
  });

  it("carries a real PNG when drawn by the PNG renderer", async () => {
    const world = await afterSession1(
      makeWorld({ now: at.beforeEverything, charts: new RecordingChartRenderer(createPngChartRenderer()) }),
    );
    world.clock.set(painTue.closes1);
    const image = imageOf(await summaryFor(world, okafor));
    expect([...(image?.png ?? []).slice(0, 8)]).toEqual(pngSignature);
    expect([...(image?.compactPng ?? []).slice(0, 8)]).toEqual(pngSignature);
  });
});
