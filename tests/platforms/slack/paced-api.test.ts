import type { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../../src/kernel/errors.js";
import { PacedSlackApi, slackPacing, type PacerTime } from "../../../src/platforms/slack/deliver/pacing.js";

/** Virtual time: sleepers wake in order as `run` moves time on, so pacing is checked without waiting. */
class VirtualTime implements PacerTime {
  current = 0;
  private readonly sleepers: { at: number; wake: () => void }[] = [];
  now(): number {
    return this.current;
  }
  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((wake) => this.sleepers.push({ at: this.current + ms, wake }));
  }
  /** Runs `work` to the end, waking each sleeper at its time. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const finished = work.finally(() => (done = true));
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      this.sleepers.sort((a, b) => a.at - b.at);
      const next = this.sleepers.shift();
      if (next) {
        this.current = next.at;
        next.wake();
      }
    }
    return finished;
  }
}

/** A Web API client that notes when each call happened and can answer 429 first. */
function fakeClient(time: VirtualTime, rateLimits: number[] = []) {
  const calls: { method: string; channel: unknown; at: number }[] = [];
  const client = {
    async apiCall(method: string, args: Record<string, unknown>) {
      const retryAfter = rateLimits.shift();
      if (retryAfter !== undefined)
        throw Object.assign(new Error("rate limited"), { code: "slack_webapi_rate_limited_error", retryAfter });
      calls.push({ method, channel: args["channel"], at: time.now() });
      return { ok: true };
    },
  };
  return { calls, client: client as unknown as webApi.WebClient };
}

describe("the Slack call queue", () => {
  it("spaces posts to one channel a second apart, while other channels go at once", async () => {
    const time = new VirtualTime();
    const { calls, client } = fakeClient(time);
    const api = new PacedSlackApi(client, slackPacing, time);
    await time.run(
      Promise.all([
        api.call("chat.postMessage", { channel: "C1" }, "C1"),
        api.call("chat.postMessage", { channel: "C1" }, "C1"),
        api.call("chat.postMessage", { channel: "C2" }, "C2"),
        api.call("chat.postMessage", { channel: "C1" }, "C1"),
      ]),
    );
    const times = (channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.at);
    const c1 = times("C1");
    expect(c1).toHaveLength(3);
    expect(c1.slice(1).map((at, i) => at - (c1[i] ?? 0))).toEqual([1000, 1000]);
    expect(times("C2")).toEqual([0]);
  });

  it("waits out a short Retry-After and tries again, once", async () => {
    const time = new VirtualTime();
    const { calls, client } = fakeClient(time, [2]);
    const api = new PacedSlackApi(client, slackPacing, time);
    await time.run(api.call("chat.postMessage", { channel: "C1" }, "C1"));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.at).toBeGreaterThanOrEqual(2000);
  });

  it("hands a Retry-After longer than it waits for back as a retryable failure that says how long", async () => {
    const time = new VirtualTime();
    const { calls, client } = fakeClient(time, [90]);
    const api = new PacedSlackApi(client, slackPacing, time);
    const failure = await time.run(
      api.call("chat.postMessage", { channel: "C1" }, "C1").catch((error: unknown) => error),
    );
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ code: "rate-limited", retryable: true, retryAfterSeconds: 90 });
    expect(calls).toEqual([]);
  });

  it("holds other calls of a rate-limited method until the Retry-After has passed", async () => {
    const time = new VirtualTime();
    const { calls, client } = fakeClient(time, [3]);
    const api = new PacedSlackApi(client, slackPacing, time);
    const first = api.call("views.publish", { user_id: "U1" });
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    const second = api.call("views.publish", { user_id: "U2" });
    await time.run(Promise.all([first, second]));
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.at).every((at) => at >= 3000)).toBe(true);
  });
});
