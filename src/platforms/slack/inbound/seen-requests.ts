import type { Clock } from "../../../kernel/ports.js";
import type { Store } from "../../../core/store.js";
import { createRememberedKeys } from "../../../app/remembered-keys.js";

// Bolt refuses timestamps over 5 minutes old and we refuse those over 5 minutes ahead, so a signature seen now
// stays acceptable for at most 10 minutes from now; one more minute covers skew between the two clocks.
const replayWindowMs = 11 * 60_000;

/** How long an event id is remembered: Slack retries an unacknowledged event over about an hour, each retry signed anew. */
export const eventRetryWindowMs = 2 * 60 * 60_000;

/** Signatures of Slack requests already accepted, kept under `platformData.slack.seen` for the signature window. */
export function createSeenRequests(store: Store, clock: Clock) {
  return createRememberedKeys(store, clock, {
    platform: "slack",
    field: "seen",
    windowMs: replayWindowMs,
    capacity: 2000,
  });
}

/** Events API event ids already handled (HTTP and Socket Mode), kept under `platformData.slack.seenEvents`. */
export function createSeenEvents(store: Store, clock: Clock) {
  return createRememberedKeys(store, clock, {
    platform: "slack",
    field: "seenEvents",
    windowMs: eventRetryWindowMs,
    capacity: 2000,
  });
}

/** The seen-requests record created by createSeenRequests. */
export type SeenRequests = ReturnType<typeof createSeenRequests>;
