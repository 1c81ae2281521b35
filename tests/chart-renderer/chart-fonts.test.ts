import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { chartSubsetText, drawsOnlySubsetCharacters } from "../../src/chart-renderer/chart-font-subset.js";
import { chartFontFiles, chartFontFilesFor, chartFontSubsetFiles } from "../../src/chart-renderer/chart-fonts.js";
import { createPngChartRenderer, rasteriseChartSvg } from "../../src/chart-renderer/png-chart-renderer.js";
import { svgOfChart } from "../../src/chart-renderer/svg-of-chart.js";
import { climateChartSpec } from "../../src/views/charts/climate-chart.js";
import { chartFontSubset } from "../../scripts/subset-chart-fonts.js";
import { earlyThenMiddle, fiveSessionSeries } from "../support/charted-climates.js";

const [regular = "", bold = ""] = chartFontFiles();
const [regularSubset = "", boldSubset = ""] = chartFontSubsetFiles();
const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An SVG with each line written twice, in regular and in bold DejaVu Sans. */
function textSvg(lines: readonly string[]): string {
  const texts = lines.flatMap((line, i) =>
    ["normal", "bold"].map(
      (weight, j) =>
        `<text x="4" y="${24 + (2 * i + j) * 24}" font-family="DejaVu Sans" font-size="17" ` +
        `font-weight="${weight}">${escapeXml(line)}</text>`,
    ),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${lines.length * 48 + 12}">${texts.join("")}</svg>`;
}

const drawn = async (svg: string, fontFiles: readonly string[]) => (await rasteriseChartSvg(svg, fontFiles)).pixels;
const chartOf = (groupName: string) => climateChartSpec(groupName, fiveSessionSeries, earlyThenMiddle, "full");

describe("the chart subset of DejaVu Sans", () => {
  it("draws every character it holds, regular and bold, pixel for pixel as the full font does", async () => {
    const characters = [...chartSubsetText()];
    const lines = Array.from({ length: Math.ceil(characters.length / 48) }, (_, i) =>
      characters.slice(i * 48, i * 48 + 48).join(""),
    );
    const svg = textSvg([...lines, "AVATAR To Wa Yo LT 1,234.5 −7% Łódź Grüße … “quoted” ▁▄█"]);
    const full = await drawn(svg, [regular, bold]);
    expect((await drawn(svg, [regularSubset, boldSubset])).equals(full)).toBe(true);
    expect((await drawn(svg, [])).equals(full)).toBe(false);
  });

  it("is the files `npm run fonts:subset` writes for the characters listed", async () => {
    expect((await chartFontSubset(regular)).equals(await readFile(regularSubset))).toBe(true);
    expect((await chartFontSubset(bold)).equals(await readFile(boldSubset))).toBe(true);
  });

  it("cannot be mixed with the full font per glyph: resvg draws a bold character the subset lacks in regular", async () => {
    const svg = textSvg(["Ομάδα Αθήνα, Группа"]);
    const mixed = await drawn(svg, [regularSubset, boldSubset, regular, bold]);
    expect(mixed.equals(await drawn(svg, [regular, bold]))).toBe(false);
  });
});

describe("choosing the font for a chart", () => {
  it("draws a chart with the subset when every character of its text is in it, unchanged", async () => {
    const spec = chartOf("Grüße aus Łódź – Dienstag, „Schmerz“ 18:30");
    const svg = await svgOfChart(spec);
    expect(chartFontFilesFor(svg)).toEqual(chartFontSubsetFiles());
    const png = await createPngChartRenderer().renderPng(spec);
    expect(
      Buffer.from(png).equals(
        Buffer.from(await createPngChartRenderer({ fontFiles: [regular, bold] }).renderPng(spec)),
      ),
    ).toBe(true);
  });

  it.each([
    ["Greek", "Ομάδα υποστήριξης, Αθήνα"],
    ["Cyrillic", "Группа поддержки, Москва"],
    ["CJK, which DejaVu Sans lacks", "心理支持小组 東京"],
    ["Latin with a Greek letter", "Zoë's Ω group"],
  ])("draws a group named in %s exactly as with the full font, not with the subset", async (_, name) => {
    const spec = chartOf(name);
    expect(chartFontFilesFor(await svgOfChart(spec))).toEqual(chartFontFiles());
    const png = Buffer.from(await createPngChartRenderer().renderPng(spec));
    const full = Buffer.from(await createPngChartRenderer({ fontFiles: [regular, bold] }).renderPng(spec));
    const subsetOnly = Buffer.from(await createPngChartRenderer({ fontFiles: chartFontSubsetFiles() }).renderPng(spec));
    expect(png.equals(full)).toBe(true);
    expect(png.equals(subsetOnly)).toBe(false);
  });

  it("looks through character references too, and not into escaped text", () => {
    expect(drawsOnlySubsetCharacters('<text x="1">Łódź&#xA;–&#8212;</text>')).toBe(true);
    expect(drawsOnlySubsetCharacters("<text>&#937;</text>")).toBe(false);
    expect(drawsOnlySubsetCharacters("<text>&#x3a9;</text>")).toBe(false);
    expect(drawsOnlySubsetCharacters("<text>&amp;#937;</text>")).toBe(true);
    expect(drawsOnlySubsetCharacters("<text>🙂</text>")).toBe(false);
  });
});
