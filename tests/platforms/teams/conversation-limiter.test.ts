import { describe, expect, it } from "vitest";
import { createConversationLimiter, teamsConversationLimits } from "../../../src/platforms/teams/deliver/pacing.js";

/** A timer whose time moves only when someone waits. */
function fakeTimer() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

/** The most messages sent in any window of `seconds`, given send times in ms. */
function busiest(times: readonly number[], seconds: number): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + seconds * 1000).length));
}

describe("pacing messages to one Teams conversation", () => {
  it("never exceeds 7 per second, 8 per 2 seconds, 60 per 30 seconds or 1800 per hour", async () => {
    const timer = fakeTimer();
    const limiter = createConversationLimiter(timer);
    const times: number[] = [];
    for (let i = 0; i < 1900; i += 1) {
      await limiter.turn("care-team");
      times.push(timer.now());
    }
    for (const { seconds, count } of teamsConversationLimits)
      expect(busiest(times, seconds)).toBeLessThanOrEqual(count);
    // 1800 go out within the hour; the rest wait for the hour's window to move on.
    expect(times[1799]).toBeLessThan(3_600_000);
    expect(times[1800]).toBeGreaterThanOrEqual(3_600_000);
  });

  it("sends seven at once, then paces the rest, and keeps other conversations from waiting behind a busy one", async () => {
    const timer = fakeTimer();
    const limiter = createConversationLimiter(timer);
    for (let i = 0; i < 7; i += 1) await limiter.turn("busy");
    expect(timer.now()).toBe(0);
    await limiter.turn("busy");
    expect(timer.now()).toBe(1000);
    await limiter.turn("busy");
    const afterNinth = timer.now();
    expect(afterNinth).toBe(2000);
    await limiter.turn("quiet");
    expect(timer.now()).toBe(afterNinth);
  });

  it("keeps the order in which messages were asked for", async () => {
    const timer = fakeTimer();
    const limiter = createConversationLimiter(timer);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 12 }, (_, i) => limiter.turn("c").then(() => order.push(i))));
    expect(order).toEqual([...Array(12).keys()]);
  });
});
