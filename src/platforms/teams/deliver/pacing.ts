/** Teams' per-conversation limits for a bot: at most `count` messages in any `seconds`. */
export const teamsConversationLimits: readonly { seconds: number; count: number }[] = [
  { seconds: 1, count: 7 },
  { seconds: 2, count: 8 },
  { seconds: 30, count: 60 },
  { seconds: 3600, count: 1800 },
];

/** Time as the limiter sees it: milliseconds now, and a way to wait. */
export interface Timer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const realTimer: Timer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Spaces out the messages to each conversation so that no window of Teams' limits is ever
 * exceeded; conversations do not wait for each other.
 */
export function createConversationLimiter(timer: Timer, limits = teamsConversationLimits) {
  const longest = Math.max(...limits.map((limit) => limit.seconds)) * 1000;
  const sent = new Map<string, number[]>();
  const queues = new Map<string, Promise<void>>();

  function earliestSlot(history: readonly number[], now: number): number {
    let slot = now;
    for (const { seconds, count } of limits) {
      const inWindow = history.filter((at) => at > slot - seconds * 1000);
      // The window frees up once its oldest counted message is `seconds` old.
      if (inWindow.length >= count) slot = Math.max(slot, (inWindow[inWindow.length - count] ?? slot) + seconds * 1000);
    }
    return slot;
  }

  async function take(conversationId: string): Promise<void> {
    for (;;) {
      const now = timer.now();
      const history = (sent.get(conversationId) ?? []).filter((at) => at > now - longest);
      const slot = earliestSlot(history, now);
      if (slot <= now) {
        history.push(now);
        sent.set(conversationId, history);
        return;
      }
      await timer.sleep(slot - now);
    }
  }

  /** Waits until one more message may go to the conversation, in the order asked. */
  function turn(conversationId: string): Promise<void> {
    const previous = queues.get(conversationId) ?? Promise.resolve();
    const next = previous.then(() => take(conversationId));
    const settled = next.catch(() => undefined);
    queues.set(conversationId, settled);
    void settled.then(() => {
      if (queues.get(conversationId) === settled) queues.delete(conversationId);
    });
    return next;
  }

  return { turn };
}

/** The limiter created by createConversationLimiter. */
export type ConversationLimiter = ReturnType<typeof createConversationLimiter>;
