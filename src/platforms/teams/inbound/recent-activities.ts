/**
 * Remembers the last activities handled (Teams re-sends an activity when a bot is slow to answer),
 * so a re-sent one gets the first one's result instead of acting twice.
 */
export function createRecentActivities<T>(capacity = 2000) {
  const seen = new Map<string, Promise<T>>();
  return {
    /** Runs `handle` for a new key; for a key seen recently, the first run's result. */
    once(key: string | undefined, handle: () => Promise<T>): Promise<T> {
      if (key === undefined) return handle();
      const earlier = seen.get(key);
      if (earlier) return earlier;
      const result = handle();
      seen.set(key, result);
      if (seen.size > capacity) seen.delete(seen.keys().next().value as string);
      return result;
    },
  };
}
