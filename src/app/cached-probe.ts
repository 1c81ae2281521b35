import type { Clock } from "../kernel/ports.js";

/** The last outcome of a check that may be slow (a sign-in), kept so that asking about it costs nothing. */
export interface CachedProbe {
  /** Resolves or rejects as `attempt` does, remembering whether it succeeded (a real call counts as a check). */
  watch<T>(attempt: Promise<T>): Promise<T>;
  /** Runs the check now (joining one in progress) and resolves once its outcome is remembered. */
  check(): Promise<void>;
  /** Whether the last outcome was a success (undefined before any); starts a check in the background once it is stale. */
  lastOutcome(): boolean | undefined;
}

/** A probe of `attempt`, re-run at most every `everyMinutes` of `clock` and only when someone asks. */
export function cachedProbe(clock: Clock, everyMinutes: number, attempt: () => Promise<unknown>): CachedProbe {
  let outcome: { ok: boolean; at: number } | undefined;
  let running: Promise<void> | undefined;
  const remember = (ok: boolean) => {
    outcome = { ok, at: clock.now().getTime() };
  };

  function watch<T>(call: Promise<T>): Promise<T> {
    return call.then(
      (value) => {
        remember(true);
        return value;
      },
      (error: unknown) => {
        remember(false);
        throw error;
      },
    );
  }

  function check(): Promise<void> {
    running ??= watch(Promise.resolve().then(attempt))
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    watch,
    check,
    lastOutcome() {
      if (outcome === undefined || clock.now().getTime() - outcome.at >= everyMinutes * 60_000) void check();
      return outcome?.ok;
    },
  };
}
