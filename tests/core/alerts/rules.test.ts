import { describe, expect, it } from "vitest";
import { toAddress } from "../../../src/kernel/address.js";
import { analyticsSettingsSchema, riskPhrasesSchema } from "../../../src/core/setup/index.js";
import {
  type Finding,
  isDistressAnswer,
  alertsFromFindings,
  type AlertRecord,
  suggestsRisk,
} from "../../../src/core/alerts/index.js";

const settings = analyticsSettingsSchema.parse({});
const lead = toAddress("console:okafor");

describe("risky free text, screened with an organisation's keywords alone", () => {
  const keywords = [riskPhrasesSchema.parse({ urgent: settings.riskKeywords["en"] })];

  it("is found as whole words or phrases, whatever the case, accents, apostrophe, punctuation or repeated letters", () => {
    for (const text of [
      "I just want to END IT ALL.",
      "some days I can\u2019t go on",
      "thinking about self-harm again",
      "Suicidal thoughts tonight",
      "I want to end it alllll",
      "SUÏCIDAL",
    ])
      expect(suggestsRisk(text, keywords), text).toBe(true);
  });

  it("forgives one slip in a word of five letters or more, not in a shorter one (keywords used to match only as written)", () => {
    for (const text of ["suicdal thoughts", "thinking of overdsoe", "I want to hurt myslef"])
      expect(suggestsRisk(text, keywords), text).toBe(true);
    expect(suggestsRisk("I want to hrut myself", keywords)).toBe(false);
  });

  it("is not found inside other words or in ordinary worries", () => {
    for (const text of [
      "The session ended well",
      "I'm tired of the overdosing jokes on TV",
      "Went to the pharmacy for my dose",
      "I can go on Tuesday",
    ])
      expect(suggestsRisk(text, keywords), text).toBe(false);
  });
});

describe("a distress answer", () => {
  it("is one at or below the pulse's lowest point by default, and a clinic can set an at-or-above threshold instead", () => {
    expect(isDistressAnswer(settings.distress, "pulse-1", 1)).toBe(true);
    expect(isDistressAnswer(settings.distress, "pulse-1", 2)).toBe(false);
    expect(isDistressAnswer(settings.distress, "gcq-1", 0)).toBe(false);
    const thermometer = [{ item: "dt-1", atOrAbove: 4 }];
    expect([3, 4, 10].map((value) => isDistressAnswer(thermometer, "dt-1", value))).toEqual([false, true, true]);
  });

  it("rules need exactly one threshold", () => {
    expect(analyticsSettingsSchema.safeParse({ distress: [{ item: "dt-1" }] }).success).toBe(false);
    expect(
      analyticsSettingsSchema.safeParse({ distress: [{ item: "dt-1", atOrAbove: 4, atOrBelow: 1 }] }).success,
    ).toBe(false);
  });
});

describe("alerts made from findings", () => {
  const finding = (session: number): Finding => ({
    kind: "engagement-drop",
    session,
    subscale: "engaged",
    evidence: { what: `session ${session}`, basis: "", sureness: "" },
  });
  const closes = new Map([1, 2, 3, 4, 5, 6].map((n) => [n, new Date(Date.UTC(2026, 11, n * 7))]));
  const record = (history: AlertRecord["history"]): AlertRecord => ({
    kind: "engagement-drop",
    session: 3,
    raisedAt: closes.get(3)!.toISOString(),
    subscale: "engaged",
    history,
  });

  it("keep one alert while the condition holds, and tell the leads again after each session while nobody has acted", () => {
    const [alert, ...others] = alertsFromFindings("pain-tue", [finding(3), finding(4), finding(6)], closes, {});
    expect(others).toEqual([]);
    expect(alert?.session).toBe(3);
    expect(alert?.notifications.map((n) => n.session)).toEqual([3, 4, 6]);
    expect(alert?.evidence.what).toBe("session 6");
    expect(alert?.id).toMatch(/^[a-z0-9]{8}\.[a-z0-9]{16}$/);
  });

  it("do not repeat once acknowledged", () => {
    const id = alertsFromFindings("pain-tue", [finding(3)], closes, {})[0]!.id;
    const acknowledged = record([
      { status: "acknowledged", by: lead, at: new Date(closes.get(3)!.getTime() + 3_600_000).toISOString() },
    ]);
    const [alert] = alertsFromFindings("pain-tue", [finding(3), finding(4), finding(5)], closes, {
      [id]: acknowledged,
    });
    expect(alert?.status).toBe("acknowledged");
    expect(alert?.notifications.map((n) => n.session)).toEqual([3]);
  });

  it("start a new alert when the condition is found again after the last one was resolved", () => {
    const id = alertsFromFindings("pain-tue", [finding(3)], closes, {})[0]!.id;
    const resolved = record([
      { status: "resolved", by: lead, at: new Date(closes.get(4)!.getTime() + 3_600_000).toISOString() },
    ]);
    const alerts = alertsFromFindings("pain-tue", [finding(3), finding(4), finding(5)], closes, { [id]: resolved });
    expect(alerts.map((a) => [a.session, a.status, a.notifications.map((n) => n.session)])).toEqual([
      [3, "resolved", [3, 4]],
      [5, "new", [5]],
    ]);
  });
});
