import { describe, expect, it } from "vitest";
import { climateChartImage, phaseMarks, withImage } from "../../../src/views/charts/climate-chart-image.js";
import type { Group } from "../../../src/core/setup/index.js";
import { textMessage } from "../../../src/kernel/message.js";
import { climateOf, fiveSessions } from "../../support/charted-climates.js";
import { makeWorld } from "../../support/world.js";
import { exampleConfig } from "../../support/example-setup.js";

const [course, openEnded] = exampleConfig().groups as [Group, Group];

describe("phase marks on a chart", () => {
  it("marks an 8-session course as early from session 1, middle from 4 and late from 6", () => {
    expect(phaseMarks(course, [1, 2, 3, 4, 5, 6, 7, 8])).toEqual([
      { session: 1, phase: "early" },
      { session: 4, phase: "middle" },
      { session: 6, phase: "late" },
    ]);
  });

  it("starts with the phase under way when the chart begins mid-course, and skips cancelled sessions", () => {
    expect(phaseMarks(course, [5, 7, 8])).toEqual([
      { session: 5, phase: "middle" },
      { session: 7, phase: "late" },
    ]);
    expect(phaseMarks(openEnded, [30, 31, 32])).toEqual([{ session: 30, phase: "ongoing" }]);
  });
});

describe("the climate chart of a summary", () => {
  it("is a full-size picture with a compact copy, its trend in words and sparklines", async () => {
    const world = makeWorld();
    const image = await climateChartImage(world.ctx, course, fiveSessions);
    expect(image?.alt).toMatch(
      /^Group climate chart for Chronic pain skills, Tuesday evening, sessions 1 to 5, on a 0 to 6 scale: Engaged rose from 3.1 to 4.2 over 5 sessions;/,
    );
    expect(image?.textVersion).toContain("Engaged   ▅▅·▆▆  3.1 → 4.2");
    expect(image?.png.byteLength).toBeGreaterThan(0);
    expect(image?.compactPng?.byteLength).toBeGreaterThan(0);
    const widths = world.charts.specs.map((spec) => (spec["vconcat"] as { width: number }[])[0]?.width);
    expect(widths).toEqual([720, 440]);
  });

  it("is left out, without drawing anything, until some figures are published", async () => {
    const world = makeWorld();
    const suppressed = [climateOf(1, { engaged: 4, avoiding: 4, conflict: 4 }, { respondents: 4, invited: 8 })];
    expect(await climateChartImage(world.ctx, course, suppressed)).toBeUndefined();
    const collecting = [
      climateOf(1, { engaged: 0, avoiding: 0, conflict: 0 }, { respondents: 6, invited: 8, collecting: true }),
    ];
    expect(await climateChartImage(world.ctx, course, collecting)).toBeUndefined();
    expect(world.charts.specs).toEqual([]);
  });

  it("is left out when it cannot be drawn, which is logged by kind only, so the summary still goes out", async () => {
    const world = makeWorld();
    world.charts.fail = new TypeError("renderer broke on Chronic pain skills");
    expect(await climateChartImage(world.ctx, course, fiveSessions)).toBeUndefined();
    expect(world.logger.lines).toEqual([
      { level: "warn", fields: { chart: "climate", error: "TypeError" }, message: "chart not drawn" },
    ]);
  });

  it("goes at the end of the message it belongs to", async () => {
    const world = makeWorld();
    const image = await climateChartImage(world.ctx, course, fiveSessions);
    const message = withImage(textMessage("Climate summary"), image);
    expect(message.blocks.map((block) => block.type)).toEqual(["text", "image"]);
    expect(withImage(textMessage("Climate summary"), undefined).blocks.map((block) => block.type)).toEqual(["text"]);
  });
});
