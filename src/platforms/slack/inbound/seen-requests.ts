import { createHash } from "node:crypto";
import { z } from "zod";
import type { Clock } from "../../../kernel/ports.js";
import type { Store } from "../../../core/store.js";

// Bolt refuses timestamps over 5 minutes old and we refuse those over 5 minutes ahead, so a signature seen now
// stays acceptable for at most 10 minutes from now; one more minute covers skew between the two clocks.
const replayWindowMs = 11 * 60_000;

const seenSchema = z.record(z.string(), z.iso.datetime());

/** A short hash of a request signature: what is stored, never the signature or the request itself. */
export function signatureDigest(signature: string): string {
  return createHash("sha256").update(signature).digest("base64url").slice(0, 22);
}

/**
 * Signatures of Slack requests already accepted, kept in memory and in the organisation document under
 * `platformData.slack.seen` (digest to expiry) so a replay is recognised after a restart too.
 */
export function createSeenRequests(store: Store, clock: Clock) {
  let loading: Promise<Map<string, number>> | undefined;

  async function load(): Promise<Map<string, number>> {
    const organisation = await store.readOrganisation();
    const parsed = seenSchema.safeParse(organisation.platformData?.slack?.seen ?? {});
    const entries = parsed.success ? Object.entries(parsed.data) : [];
    return new Map(entries.map(([digest, expiresAt]) => [digest, Date.parse(expiresAt)]));
  }

  /** Records `digest`, persisted before resolving; true if it was seen within the window (a replay to ignore). */
  async function claim(digest: string): Promise<boolean> {
    const seen = await (loading ??= load());
    const now = clock.now().getTime();
    for (const [old, expiresAt] of seen) if (expiresAt <= now) seen.delete(old);
    if (seen.has(digest)) return true;
    const expiresAt = now + replayWindowMs;
    seen.set(digest, expiresAt);
    try {
      await store.updateOrganisation((organisation) => {
        const slack = { ...(organisation.platformData?.slack ?? {}) };
        const stored = seenSchema.safeParse(slack.seen ?? {});
        const kept = Object.entries(stored.success ? stored.data : {}).filter(([, at]) => Date.parse(at) > now);
        slack.seen = Object.fromEntries([...kept, [digest, new Date(expiresAt).toISOString()]]);
        organisation.platformData = { ...organisation.platformData, slack };
      });
    } catch (error) {
      seen.delete(digest);
      throw error;
    }
    return false;
  }

  return { claim };
}

/** The seen-requests record created by createSeenRequests. */
export type SeenRequests = ReturnType<typeof createSeenRequests>;
