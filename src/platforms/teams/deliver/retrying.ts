import { DeliveryError } from "../../../kernel/errors.js";
import type { Timer } from "./pacing.js";

/** How Cohesion retries Teams' temporary failures before handing them back to the outbox. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxWaitMs: number;
}

/** Four tries over about 7 seconds; a longer Retry-After goes back to the outbox, which retries later. */
export const teamsRetryPolicy: RetryPolicy = { attempts: 4, baseMs: 1000, maxWaitMs: 30_000 };

/** Exponential backoff with jitter (0.5-1.5 times), or Teams' Retry-After when it asks for longer. */
export function backoffMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterSeconds: number | undefined,
  random: () => number,
): number {
  const exponential = policy.baseMs * 2 ** (attempt - 1) * (0.5 + random());
  return Math.max(exponential, (retryAfterSeconds ?? 0) * 1000);
}

/** Runs `task`, retrying retryable DeliveryErrors with backoff; anything else, or the last failure, is thrown. */
export async function withRetries<T>(
  task: () => Promise<T>,
  timer: Timer,
  random: () => number,
  policy = teamsRetryPolicy,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task();
    } catch (error) {
      if (!(error instanceof DeliveryError) || !error.retryable || attempt >= policy.attempts) throw error;
      const wait = backoffMs(policy, attempt, error.retryAfterSeconds, random);
      if (wait > policy.maxWaitMs) throw error;
      await timer.sleep(wait);
    }
  }
}
