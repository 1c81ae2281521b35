import type { webApi } from "@slack/bolt";
import { DeliveryError } from "../../../kernel/errors.js";
import { toDeliveryError } from "./delivery-errors.js";

/** How Cohesion paces its calls to Slack. */
export interface Pacing {
  /** The least time between two posts to one channel (Slack allows about one message per second per channel). */
  readonly perChannelMs: number;
  /** How long one second of Slack's Retry-After lasts (1000; tests shrink it). */
  readonly secondMs: number;
  /** The longest Retry-After waited out in place; a longer one goes back to the outbox to retry later. */
  readonly maxWaitSeconds: number;
  /** How many rate-limit answers one call waits out before handing it back to the outbox. */
  readonly maxRateLimitedAttempts: number;
}

/** Slack's published pace. */
export const slackPacing: Pacing = {
  perChannelMs: 1000,
  secondMs: 1000,
  maxWaitSeconds: 30,
  maxRateLimitedAttempts: 5,
};

/** What a Web API method answered. */
export type SlackResult = Record<string, unknown>;

/** Where the pacer's time comes from (monotonic milliseconds), replaceable in tests. */
export interface PacerTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realTime: PacerTime = {
  now: () => performance.now(),
  sleep: (ms) => (ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms))),
};

/**
 * Calls the Slack Web API through a queue of our own: posts to one channel are spaced out, and a
 * method Slack rate-limited waits out its Retry-After (in place when short, else it is handed back to
 * the outbox as retryable). Every failure comes out as a DeliveryError.
 */
export class PacedSlackApi {
  private readonly nextSlot = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly pacing: Pacing = slackPacing,
    private readonly time: PacerTime = realTime,
  ) {}

  /** Calls `method`; pass `channel` for calls that post into a channel, so they are spaced per channel. */
  call(method: string, args: Record<string, unknown>, channel?: string): Promise<SlackResult> {
    const call = this.attempt(method, args, channel, 1);
    this.inFlight.add(call);
    const forget = () => this.inFlight.delete(call);
    call.then(forget, forget);
    return call;
  }

  /** Resolves once every call in flight has finished. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async attempt(
    method: string,
    args: Record<string, unknown>,
    channel: string | undefined,
    attempt: number,
  ): Promise<SlackResult> {
    await this.waitForTurn(method, channel);
    try {
      return (await this.client.apiCall(method, args)) as unknown as SlackResult;
    } catch (error) {
      const failure = toDeliveryError(error);
      if (failure.code !== "rate-limited") throw failure;
      const seconds = Math.max(1, failure.retryAfterSeconds ?? 1);
      this.pausedUntil.set(
        method,
        Math.max(this.pausedUntil.get(method) ?? 0, this.time.now() + seconds * this.pacing.secondMs),
      );
      if (seconds > this.pacing.maxWaitSeconds || attempt >= this.pacing.maxRateLimitedAttempts)
        throw new DeliveryError("rate-limited", true, seconds);
      return this.attempt(method, args, channel, attempt + 1);
    }
  }

  private async waitForTurn(method: string, channel: string | undefined): Promise<void> {
    for (;;) {
      const now = this.time.now();
      const paused = this.pausedUntil.get(method) ?? 0;
      let slot = Math.max(now, paused);
      if (channel !== undefined) {
        slot = Math.max(slot, this.nextSlot.get(channel) ?? 0);
        this.nextSlot.set(channel, slot + this.pacing.perChannelMs);
      }
      await this.time.sleep(slot - now);
      // Another call may have been rate-limited while this one waited; if so, wait for that too.
      if ((this.pausedUntil.get(method) ?? 0) <= this.time.now()) return;
    }
  }
}
