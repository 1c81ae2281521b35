import { describe, expect, it } from "vitest";
import { loadContent, shippedInstrumentsDir, shippedProgramsDir } from "../../../src/main/content.js";
import { instrumentSchema, type Instrument } from "../../../src/core/setup/index.js";
import { mean, scoreForm } from "../../../src/core/answers/index.js";

const content = loadContent({ programsDirs: [shippedProgramsDir], instrumentsDirs: [shippedInstrumentsDir] });
const gcq = content.instruments.get("gcq-s") as Instrument;

// Engaged = items 1, 2, 4, 8, 11; Avoiding = 3, 5, 9; Conflict = 6, 7, 10, 12.
const full = [5, 4, 2, 6, 3, 1, 0, 3, 2, 0, 4, 1];

/** Answers for GCQ-S items by number, leaving out the numbers in `skip`. */
function gcqAnswers(values: readonly number[], skip: readonly number[] = []): Map<string, number> {
  const answers = new Map<string, number>();
  values.forEach((value, i) => {
    if (!skip.includes(i + 1)) answers.set(`gcq-${i + 1}`, value);
  });
  return answers;
}

describe("mean", () => {
  it("averages, and is null for nothing", () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });
});

describe("scoreForm with the GCQ-S", () => {
  it("scores a full form", () => {
    const score = scoreForm(gcq, gcqAnswers(full));
    expect(score.valid).toBe(true);
    expect(score.missing).toBe(0);
    expect(score.subscales.engaged).toBeCloseTo(4.4); // (5+4+6+3+4)/5
    expect(score.subscales.avoiding).toBeCloseTo(7 / 3); // (2+3+2)/3
    expect(score.subscales.conflict).toBeCloseTo(0.5); // (1+0+0+1)/4
  });

  it("keeps a form with exactly 4 missing, averaging the answered items", () => {
    const score = scoreForm(gcq, gcqAnswers(full, [2, 5, 7, 12]));
    expect(score).toEqual({ valid: true, missing: 4, subscales: { engaged: 4.5, avoiding: 2, conflict: 0.5 } });
  });

  it("marks a form with 5 missing invalid, still computing its subscales", () => {
    const score = scoreForm(gcq, gcqAnswers(full, [2, 5, 7, 11, 12]));
    expect(score.valid).toBe(false);
    expect(score.missing).toBe(5);
    expect(score.subscales.engaged).toBeCloseTo(14 / 3); // (5+6+3)/3
  });

  it("gives null to a subscale with no answered item", () => {
    const score = scoreForm(gcq, gcqAnswers(full, [3, 5, 9]));
    expect(score.valid).toBe(true);
    expect(score.subscales.avoiding).toBeNull();
    expect(score.subscales.engaged).toBeCloseTo(4.4);
  });

  it("scores an empty form as invalid with every subscale null", () => {
    expect(scoreForm(gcq, new Map())).toEqual({
      valid: false,
      missing: 12,
      subscales: { engaged: null, avoiding: null, conflict: null },
    });
  });

  it("throws a RangeError for a value off the scale or an unknown item", () => {
    expect(() => scoreForm(gcq, new Map([["gcq-1", 7]]))).toThrow(RangeError);
    expect(() => scoreForm(gcq, new Map([["gcq-1", -1]]))).toThrow(RangeError);
    expect(() => scoreForm(gcq, new Map([["gcq-1", 2.5]]))).toThrow(RangeError);
    expect(() => scoreForm(gcq, new Map([["gcq-13", 3]]))).toThrow(RangeError);
  });
});

describe("scoreForm with a clinic instrument", () => {
  const clinic = instrumentSchema.parse({
    id: "session-check",
    title: "Session check",
    stem: "How was the group today?",
    scale: { min: 1, max: 5, labels: ["1", "2", "3", "4", "5"] },
    subscales: [
      { id: "support", name: "Support", higherIs: "better" },
      { id: "strain", name: "Strain", higherIs: "concerning" },
    ],
    items: [
      { id: "felt-heard", text: "I felt heard.", subscale: "support" },
      { id: "felt-alone", text: "I felt alone.", subscale: "support", reverse: true },
      { id: "felt-tired", text: "I felt worn out.", subscale: "strain" },
    ],
    maxMissing: 1,
  });

  it("maps a reverse-scored item to min + max - value before averaging", () => {
    const score = scoreForm(
      clinic,
      new Map([
        ["felt-heard", 4],
        ["felt-alone", 2],
        ["felt-tired", 3],
      ]),
    );
    // felt-alone 2 on 1-5 counts as 1+5-2 = 4; support = (4+4)/2.
    expect(score).toEqual({ valid: true, missing: 0, subscales: { support: 4, strain: 3 } });
  });

  it("applies the instrument's own maxMissing", () => {
    expect(scoreForm(clinic, new Map([["felt-alone", 5]]))).toEqual({
      valid: false,
      missing: 2,
      subscales: { support: 1, strain: null },
    });
  });
});
