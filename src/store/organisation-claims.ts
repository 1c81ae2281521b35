import { z } from "zod";
import type { KeyNamespace } from "../core/store.js";
import type { OrganisationState } from "../core/state.js";

const expirySchema = z.iso.datetime();
const heldSchema = z.record(z.string(), expirySchema);

/** The claims kept in the organisation's `platformData.<platform>.<field>` (digest to expiry, in ms); unreadable: none. */
export function claimsInOrganisation(
  organisation: Readonly<OrganisationState>,
  { platform, field }: KeyNamespace,
): Map<string, number> {
  const parsed = heldSchema.safeParse(organisation.platformData?.[platform]?.[field] ?? {});
  const entries = Object.entries(parsed.success ? parsed.data : {});
  return new Map(entries.map(([digest, expiry]) => [digest, Date.parse(expiry)]));
}

/** One claim: `digest` in `namespace` until `expiresAt`, asked at `now`. */
export interface Claim {
  readonly namespace: KeyNamespace;
  readonly digest: string;
  readonly expiresAt: Date;
  readonly now: Date;
}

/**
 * Applies claims in order to the organisation's `platformData.<platform>.<field>` records, changing only the entries
 * they touch: each is false while an unexpired claim holds its digest, else recorded (true). Expired entries, and
 * beyond a namespace's capacity the soonest to expire, are dropped.
 */
export function claimAllInOrganisation(organisation: OrganisationState, claims: readonly Claim[]): boolean[] {
  const results = claims.map((claim) => {
    if (heldUntil(organisation, claim.namespace, claim.digest) > claim.now.getTime()) return false;
    heldRecord(organisation, claim.namespace)[claim.digest] = claim.expiresAt.toISOString();
    return true;
  });
  const last = claims.at(-1);
  if (last)
    for (const namespace of new Set(claims.map((claim) => claim.namespace))) prune(organisation, namespace, last.now);
  return results;
}

// The namespace's record, made a record of its own if it is missing or not one (nothing valid is lost: it held none).
function heldRecord(organisation: OrganisationState, { platform, field }: KeyNamespace): Record<string, unknown> {
  organisation.platformData ??= {};
  const data = (organisation.platformData[platform] ??= {});
  const held = data[field];
  if (typeof held !== "object" || held === null || Array.isArray(held)) data[field] = {};
  return data[field] as Record<string, unknown>;
}

function prune(organisation: OrganisationState, namespace: KeyNamespace, now: Date): void {
  const held = heldRecord(organisation, namespace);
  const kept: [string, number][] = [];
  for (const [digest, expiry] of Object.entries(held)) {
    const at = expirySchema.safeParse(expiry).success ? Date.parse(expiry as string) : 0;
    if (at > now.getTime()) kept.push([digest, at]);
    else delete held[digest];
  }
  if (kept.length <= namespace.capacity) return;
  kept.sort((a, b) => a[1] - b[1]);
  for (const [digest] of kept.slice(0, kept.length - namespace.capacity)) delete held[digest];
}

// One entry looked up, not the whole record parsed: this runs on every claim, and the record may hold thousands.
/** Until when `digest` is claimed in `namespace` (ms), or 0. */
export function heldUntil(
  organisation: Readonly<OrganisationState>,
  { platform, field }: KeyNamespace,
  digest: string,
): number {
  const held = organisation.platformData?.[platform]?.[field];
  const isRecord = typeof held === "object" && held !== null && !Array.isArray(held) && Object.hasOwn(held, digest);
  const expiry = expirySchema.safeParse(isRecord ? (held as Record<string, unknown>)[digest] : undefined);
  return expiry.success ? Date.parse(expiry.data) : 0;
}

/** Removes the organisation's `platformData.<platform>.<field>`, and what it leaves empty. */
export function dropClaimsFromOrganisation(organisation: OrganisationState, { platform, field }: KeyNamespace): void {
  const data = organisation.platformData?.[platform];
  if (!organisation.platformData || !data) return;
  delete data[field];
  if (Object.keys(data).length === 0) delete organisation.platformData[platform];
  if (Object.keys(organisation.platformData).length === 0) delete organisation.platformData;
}
