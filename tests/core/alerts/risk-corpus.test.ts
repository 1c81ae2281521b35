import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { riskPriorityOf } from "../../../src/core/alerts/index.js";
import { makeWorld } from "../../support/world.js";
import { corpus, describeFigures, measureCorpus } from "./risk-corpus/corpus.js";

const { ctx } = makeWorld();
const figures = measureCorpus((text) => riskPriorityOf(ctx, text));
const all = figures.find((f) => f.language === "all");

describe("the risk corpus, screened with the shipped phrases and the demo organisation's keywords", () => {
  it("holds at least 150 phrasings, risky and benign, in English, Spanish and French", () => {
    expect(Object.keys(corpus)).toEqual(["en", "es", "fr"]);
    expect((all?.risky ?? 0) + (all?.benign ?? 0)).toBeGreaterThanOrEqual(150);
    for (const { risky, benign } of Object.values(corpus))
      expect(Math.min(risky.length, benign.length)).toBeGreaterThan(15);
  });

  it("gives every risky phrasing urgent priority: 100% recall in each language", () => {
    for (const { language, missed } of figures) expect(missed, language).toEqual([]);
  });

  it("lists its false alarms (benign messages that would be shown crisis lines), so a new one is seen", () => {
    expect(all?.falseAlarms).toEqual([
      "I'm going to end it with my boyfriend, he's not supportive",
      "voy a acabar con todo el papeleo del seguro hoy",
    ]);
  });

  it("has its figures in the README, as `npm run safety:corpus` prints them", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    for (const line of figures.map(describeFigures)) expect(readme.includes(line), line).toBe(true);
  });
});
