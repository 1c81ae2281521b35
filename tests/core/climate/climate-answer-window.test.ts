import { describe, expect, it } from "vitest";
import type { Aggregate, SessionClimate } from "../../../src/core/climate/index.js";
import {
  bySubscale,
  members,
  painTue,
  putForm,
  putPulse,
  putSession1Answers,
  session1Forms,
} from "../../support/flows.js";
import { makeWorld } from "../../support/world.js";
import { climateAt, summaryText, withState } from "./climate-helpers.js";

const [, , , , erin = "", femi = ""] = members;
const at = painTue.checkin1;

function means(climate: SessionClimate | undefined): Record<string, number | undefined> {
  const shown = (a: Aggregate | undefined) => (a?.shown ? a.mean : undefined);
  return {
    engaged: shown(climate?.subscales.get("engaged")),
    avoiding: shown(climate?.subscales.get("avoiding")),
    conflict: shown(climate?.subscales.get("conflict")),
    pulse: shown(climate?.pulse),
  };
}

const noSubscaleNumbers = /(Engaged|Avoiding|Conflict|Pulse) \d/;

describe("group climate after the answer window closes", () => {
  it("shows the means once exactly minResponses (5) members sent a valid form", async () => {
    const world = makeWorld();
    const state = await withState(world, (s) => {
      putSession1Answers(s, at);
    });
    const [climate] = climateAt(world, state, painTue.closes1);
    expect(climate?.collecting).toBe(false);
    expect(climate?.respondents).toBe(5);
    const m = means(climate);
    expect(m.engaged).toBeCloseTo(4.4, 10);
    expect(m.avoiding).toBeCloseTo(1.8, 10);
    expect(m.conflict).toBeCloseTo(0.4, 10);
    expect(m.pulse).toBeCloseTo(4.0, 10);
    const text = summaryText(world, climateAt(world, state, painTue.closes1));
    expect(text).toContain("Engaged 4.4 · Avoiding 1.8 · Conflict 0.4 · 5 full check-ins");
    expect(text).toContain("Pulse 4.0 (5 answers)");
  });

  it("says 'not enough responses yet' with 4 forms, and shows no subscale numbers", async () => {
    const world = makeWorld();
    const state = await withState(world, (s) => {
      for (const [member, values, pulse] of session1Forms.slice(0, 4)) {
        putForm(s, member, 1, values, at);
        putPulse(s, member, 1, pulse, at);
      }
    });
    const climates = climateAt(world, state, painTue.closes1);
    for (const aggregate of [...(climates[0]?.subscales.values() ?? []), climates[0]?.pulse]) {
      expect(aggregate).toEqual({ shown: false, respondents: 4 });
    }
    const text = summaryText(world, climates);
    expect(text).toContain("Group climate: not enough responses yet (4 of 5 needed)");
    expect(text).toContain("Pulse: not enough responses yet");
    expect(text).not.toMatch(noSubscaleNumbers);
    expect(text).not.toMatch(/vs baseline/);
  });

  it("publishes nothing while the window is open, however many answered", async () => {
    const world = makeWorld();
    const state = await withState(world, (s) => {
      for (const member of members) {
        putForm(s, member, 1, bySubscale(5, 1, 1), at);
        putPulse(s, member, 1, 5, at);
      }
    });
    const justBefore = new Date(Date.parse(painTue.closes1) - 1000).toISOString();
    const climates = climateAt(world, state, justBefore);
    expect(climates[0]?.collecting).toBe(true);
    expect(climates[0]?.windowCloses.toISOString()).toBe(new Date(painTue.closes1).toISOString());
    expect(Object.values(means(climates[0]))).toEqual([undefined, undefined, undefined, undefined]);
    const text = summaryText(world, climates);
    expect(text).toContain("Collecting answers until Friday 4 December, 19:30");
    expect(text).not.toMatch(noSubscaleNumbers);
    // The moment it closes, the same answers are published.
    expect(means(climateAt(world, state, painTue.closes1)[0]).engaged).toBeCloseTo(5, 10);
  });

  it("leaves out a form with 5 items missing, and keeps one with 4 missing", async () => {
    const world = makeWorld();
    const fiveMissing = [6, null, 6, null, 6, null, 6, null, 6, null, 6, 6];
    const fourMissing = [null, 4, null, 4, 2, null, 0, 4, 2, null, 4, 0];

    const four = await withState(world, (s) => {
      for (const [member, values] of session1Forms.slice(0, 4)) putForm(s, member, 1, values, at);
      putForm(s, erin, 1, fiveMissing, at);
    });
    const text = summaryText(world, climateAt(world, four, painTue.closes1));
    expect(text).toContain("not enough responses yet (4 of 5 needed)");
    expect(text).not.toMatch(noSubscaleNumbers);

    // Five valid forms plus an invalid one: the means are those of the five.
    const six = await withState(world, (s) => {
      putForm(s, erin, 1, session1Forms[4]?.[1] ?? [], at);
      putForm(s, femi, 1, fiveMissing, at);
    });
    const m = means(climateAt(world, six, painTue.closes1)[0]);
    expect([m.engaged, m.avoiding, m.conflict].map((v) => v?.toFixed(6))).toEqual(["4.400000", "1.800000", "0.400000"]);

    // A form with exactly 4 missing counts (Engaged 4, Avoiding 2, Conflict 0 from its answered items).
    const counted = await withState(world, (s) => {
      for (const key of Object.keys(s.answers)) if (key.startsWith(`${femi}|`)) delete s.answers[key];
      putForm(s, femi, 1, fourMissing, at);
    });
    const withFemi = means(climateAt(world, counted, painTue.closes1)[0]);
    expect(withFemi.engaged).toBeCloseTo((4 + 4 + 4 + 5 + 5 + 4) / 6, 10);
    expect(withFemi.avoiding).toBeCloseTo((2 + 2 + 2 + 2 + 1 + 2) / 6, 10);
    expect(withFemi.conflict).toBeCloseTo((1 + 1 + 0 + 0 + 0 + 0) / 6, 10);
  });
});
