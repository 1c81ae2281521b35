import { createHash } from "node:crypto";
import { z } from "zod";
import type { Platform } from "../kernel/address.js";
import type { Clock } from "../kernel/ports.js";
import type { Store } from "../core/store.js";

const storedSchema = z.record(z.string(), z.iso.datetime());

/** Where keys are kept (a field of the organisation document's `platformData.<platform>`), how long, and how many at most. */
export interface RememberedKeysOptions {
  readonly platform: Exclude<Platform, "console">;
  readonly field: string;
  readonly windowMs: number;
  readonly capacity: number;
}

// A short hash: what is stored is never the signature, event, conversation or activity id itself.
function digestOf(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 22);
}

// Hashes are pruned once expired, and the soonest to expire dropped beyond `capacity`, on each write.
/** Keys a platform may send again (signatures, event or activity ids), kept as short hashes in memory and the store across restarts. */
export function createRememberedKeys(
  store: Store,
  clock: Clock,
  { platform, field, windowMs, capacity }: RememberedKeysOptions,
) {
  let loading: Promise<Map<string, number>> | undefined;

  async function load(): Promise<Map<string, number>> {
    const organisation = await store.readOrganisation();
    const parsed = storedSchema.safeParse(organisation.platformData?.[platform]?.[field] ?? {});
    const entries = parsed.success ? Object.entries(parsed.data) : [];
    return new Map(
      entries
        .map(([digest, expiresAt]): [string, number] => [digest, Date.parse(expiresAt)])
        .sort((a, b) => a[1] - b[1]),
    );
  }

  function prune(seen: Map<string, number>, now: number): void {
    for (const [digest, expiresAt] of seen) if (expiresAt <= now || seen.size > capacity) seen.delete(digest);
  }

  /** Records `key`, persisted before resolving; true if it was seen within the window (a repeat to ignore). */
  async function claim(key: string): Promise<boolean> {
    const seen = await (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
    const digest = digestOf(key);
    const now = clock.now().getTime();
    if ((seen.get(digest) ?? 0) > now) return true;
    seen.delete(digest);
    seen.set(digest, now + windowMs);
    prune(seen, now);
    try {
      await store.updateOrganisation((organisation) => {
        const kept = [...seen].map(([stored, expiresAt]) => [stored, new Date(expiresAt).toISOString()]);
        const data = { ...organisation.platformData?.[platform], [field]: Object.fromEntries(kept) };
        organisation.platformData = { ...organisation.platformData, [platform]: data };
      });
    } catch (error) {
      seen.delete(digest);
      throw error;
    }
    return false;
  }

  return { claim };
}

/** A record of keys created by createRememberedKeys. */
export type RememberedKeys = ReturnType<typeof createRememberedKeys>;
