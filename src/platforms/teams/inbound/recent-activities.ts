import type { RememberedActivities } from "./remembered-activities.js";

// Teams re-sends an activity when a bot is slow to answer; one handled before a restart gets `repeated` instead.
/** Runs each activity once: a re-sent one gets the first run's result, one handled before a restart `repeated`. */
export function createRecentActivities<T>(remembered: RememberedActivities, repeated: T, capacity = 2000) {
  const seen = new Map<string, Promise<T>>();
  return {
    /** Runs `handle` for a new key; for a key seen recently, the first run's result. */
    once(key: string | undefined, handle: () => Promise<T>): Promise<T> {
      if (key === undefined) return handle();
      const earlier = seen.get(key);
      if (earlier) return earlier;
      const result = remembered.claim(key).then((before) => (before ? repeated : handle()));
      seen.set(key, result);
      if (seen.size > capacity) seen.delete(seen.keys().next().value as string);
      return result;
    },
  };
}
