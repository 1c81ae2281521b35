import { createHash } from "node:crypto";
import type { Clock } from "../kernel/ports.js";
import type { KeyNamespace, Store } from "../core/store.js";

/** Where keys are kept (`platformData.<platform>.<field>` in a document store), how long, and how many at most there. */
export interface RememberedKeysOptions extends KeyNamespace {
  readonly windowMs: number;
}

// A short hash: what is stored is never the signature, event, conversation or activity id itself.
function digestOf(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 22);
}

// Nothing is cached here: every claim asks the store, so a key another process claimed is never missed or dropped.
/** Keys a platform may send again (signatures, event or activity ids), claimed as short hashes in the store. */
export function createRememberedKeys(store: Store, clock: Clock, { windowMs, ...namespace }: RememberedKeysOptions) {
  /** Records `key`, persisted before resolving; true if it was seen within the window (a repeat to ignore). */
  async function claim(key: string): Promise<boolean> {
    const now = clock.now();
    const claimed = await store.claimKey(namespace, digestOf(key), new Date(now.getTime() + windowMs), now);
    return !claimed;
  }

  return { claim };
}

/** A record of keys created by createRememberedKeys. */
export type RememberedKeys = ReturnType<typeof createRememberedKeys>;
