import { z } from "zod";
import type { Timer } from "../deliver/pacing.js";

const openIdConfiguration = z.looseObject({ jwks_uri: z.url() });
const keySet = z.looseObject({ keys: z.array(z.looseObject({ kid: z.string().optional() })) });

/** How long after reading the published key ids a token naming another key may make Cohesion read them again. */
export const keyRefreshInterval = 5 * 60_000;

/** Whether a key id is among those the Bot Framework publishes; "unavailable" when they could never be read. */
export type KeyStanding = "published" | "unpublished" | "unavailable";

// A token naming any other key is refused before the SDK looks it up, since the SDK fetches the keys again for every
// key id it has not seen, so forged key ids would otherwise make Cohesion fetch on every request.
/** The ids of the signing keys in the Bot Framework's OpenID configuration, read at most once per interval. */
export function createPublishedKeys(openIdMetadataUrl: string, timer: Timer, fetchImpl: typeof fetch) {
  let ids: ReadonlySet<string> | undefined;
  let lastAttempt: number | undefined;
  let reading: Promise<void> = Promise.resolve();

  async function readJson(url: string): Promise<unknown> {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  async function read(): Promise<void> {
    try {
      const configuration = openIdConfiguration.parse(await readJson(openIdMetadataUrl));
      const keys = keySet.parse(await readJson(configuration.jwks_uri)).keys;
      ids = new Set(keys.flatMap((key) => (key.kid ? [key.kid] : [])));
    } catch {
      // An outage keeps the ids read before; the next attempt waits for the interval.
    }
  }

  return {
    /** Where `kid` stands, reading the published ids first when it is new and the interval has passed. */
    async standing(kid: string): Promise<KeyStanding> {
      const due = lastAttempt === undefined || timer.now() - lastAttempt >= keyRefreshInterval;
      if (!ids?.has(kid) && due) {
        lastAttempt = timer.now();
        reading = read();
      }
      await reading;
      if (ids === undefined) return "unavailable";
      return ids.has(kid) ? "published" : "unpublished";
    },
  };
}

/** The published key ids created by createPublishedKeys. */
export type PublishedKeys = ReturnType<typeof createPublishedKeys>;
