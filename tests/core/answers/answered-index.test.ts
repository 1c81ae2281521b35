import { describe, expect, it } from "vitest";
import { checkinsSentWithin, hasAnswered } from "../../../src/core/answers/index.js";
import { answerKey, emptyGroupState, type GroupState } from "../../../src/core/state.js";
import { toAddress } from "../../../src/kernel/address.js";
import { MemoryStore } from "../../../src/store/memory-store.js";

const ana = toAddress("console:ana");
const ben = toAddress("console:ben");

function withAnswer(state: GroupState, member: string, session: number): void {
  state.answers[answerKey(member, session, "pulse", "pulse-1")] = { value: 4, at: "2026-12-01T20:00:00.000Z" };
}

function withCheckin(state: GroupState, member: string, session: number, dueAt: string, sentAt: string): void {
  const key = `checkin:pain-tue:${session}:${member}`;
  state.outbox[key] = {
    delivery: {
      key,
      kind: "checkin",
      groupId: "pain-tue",
      recipient: toAddress(member),
      session,
      dueAt,
      expiresAt: "2027-01-01T00:00:00.000Z",
    },
    status: "sent",
    updatedAt: sentAt,
    attempts: 1,
  };
}

describe("who answered a session", () => {
  it("sees an answer recorded in a new state, while the state before it still has none", async () => {
    const store = new MemoryStore();
    const before = await store.readGroup("pain-tue");
    expect(hasAnswered(before, ana, 1)).toBe(false);
    await store.updateGroup("pain-tue", (state) => withAnswer(state, ana, 1));
    const after = await store.readGroup("pain-tue");
    expect(hasAnswered(after, ana, 1)).toBe(true);
    expect(hasAnswered(before, ana, 1)).toBe(false);
  });

  it("keeps each state's answers to itself", () => {
    const first = emptyGroupState("pain-tue");
    const second = emptyGroupState("pain-tue");
    withAnswer(first, ana, 1);
    withAnswer(second, ben, 2);
    expect([hasAnswered(first, ana, 1), hasAnswered(first, ben, 2)]).toEqual([true, false]);
    expect([hasAnswered(second, ana, 1), hasAnswered(second, ben, 2)]).toEqual([false, true]);
  });

  it("tells sessions and members apart", () => {
    const state = emptyGroupState("pain-tue");
    withAnswer(state, ana, 12);
    expect(hasAnswered(state, ana, 12)).toBe(true);
    expect(hasAnswered(state, ana, 1)).toBe(false);
    expect(hasAnswered(state, ben, 12)).toBe(false);
  });
});

describe("the check-ins sent in a window", () => {
  it("finds only those sent in the window, timed from when they actually went out", () => {
    const state = emptyGroupState("pain-tue");
    withCheckin(state, ana, 1, "2026-12-01T19:40:00.000Z", "2026-12-01T19:40:00.000Z");
    withCheckin(state, ana, 2, "2026-12-08T19:40:00.000Z", "2026-12-08T19:41:00.000Z");
    withCheckin(state, ben, 2, "2026-12-08T19:40:00.000Z", "2026-12-09T09:00:00.000Z");
    const sent = checkinsSentWithin(state, new Date("2026-12-08T19:40:00Z"), new Date("2026-12-09T09:00:00Z"));
    expect(sent.map(({ checkin }) => checkin.key)).toEqual([
      "checkin:pain-tue:2:console:ana",
      "checkin:pain-tue:2:console:ben",
    ]);
    expect(sent.map(({ sentAt }) => new Date(sentAt).toISOString())).toEqual([
      "2026-12-08T19:41:00.000Z",
      "2026-12-09T09:00:00.000Z",
    ]);
  });

  it("leaves out the window's start itself, check-ins not sent, and other deliveries", () => {
    const state = emptyGroupState("pain-tue");
    withCheckin(state, ana, 1, "2026-12-01T19:40:00.000Z", "2026-12-01T19:40:00.000Z");
    withCheckin(state, ben, 1, "2026-12-01T19:45:00.000Z", "2026-12-01T19:45:00.000Z");
    const failed = state.outbox["checkin:pain-tue:1:console:ben"];
    if (failed) failed.status = "failed";
    const sent = checkinsSentWithin(state, new Date("2026-12-01T19:40:00Z"), new Date("2026-12-02T00:00:00Z"));
    expect(sent).toEqual([]);
  });
});
