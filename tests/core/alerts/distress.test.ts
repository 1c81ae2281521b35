import { describe, expect, it } from "vitest";
import { raiseDistressAlerts } from "../../../src/core/alerts/index.js";
import { emptyGroupState } from "../../../src/core/state.js";
import { toAddress } from "../../../src/kernel/address.js";

const ana = toAddress("console:ana");
const now = new Date("2026-12-01T19:45:00Z");
const rules = [
  { item: "pulse-1", atOrBelow: 1 },
  { item: "dt-1", atOrAbove: 4 },
];

describe("distress alerts from check-in answers", () => {
  it("are raised for a clinic's own instrument, such as the distress thermometer at 4 or more", () => {
    const state = emptyGroupState("pain-tue");
    const answers = [
      { instrument: "dt", itemId: "dt-1", value: 3 },
      { instrument: "dt", itemId: "dt-1", value: 7 },
    ];
    const raised = raiseDistressAlerts(state, rules, { member: ana, session: 2, answers, now });
    expect(raised).toHaveLength(1);
    expect(Object.values(state.alerts)).toEqual([
      { kind: "distress", session: 2, raisedAt: now.toISOString(), member: ana, item: "dt-1", value: 7, history: [] },
    ]);
  });

  it('are never raised for the pulse: "Hard going" rates the session, not the person', () => {
    const state = emptyGroupState("pain-tue");
    const answers = [{ instrument: "pulse", itemId: "pulse-1", value: 1 }];
    expect(raiseDistressAlerts(state, rules, { member: ana, session: 2, answers, now })).toEqual([]);
    expect(state.alerts).toEqual({});
  });
});
