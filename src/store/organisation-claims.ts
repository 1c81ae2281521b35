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

/** The organisation document of a store that keeps claims in it. */
interface OrganisationDocument {
  read(): Readonly<OrganisationState> | Promise<Readonly<OrganisationState>>;
  update<R>(change: (state: OrganisationState) => R): Promise<R>;
}

/** Claims `digest` in `document` as claimInOrganisation does; a refused claim writes nothing. */
export async function claimInDocument(
  document: OrganisationDocument,
  namespace: KeyNamespace,
  digest: string,
  expiresAt: Date,
  now: Date,
): Promise<boolean> {
  if (heldUntil(await document.read(), namespace, digest) > now.getTime()) return false;
  return document.update((state) => claimInOrganisation(state, namespace, digest, expiresAt, now));
}

/**
 * Claims `digest` in the organisation's `platformData.<platform>.<field>`: false while an unexpired claim holds it;
 * else records it, dropping the expired claims and, beyond the namespace's capacity, the soonest to expire.
 */
export function claimInOrganisation(
  organisation: OrganisationState,
  namespace: KeyNamespace,
  digest: string,
  expiresAt: Date,
  now: Date,
): boolean {
  if (heldUntil(organisation, namespace, digest) > now.getTime()) return false;
  const held = claimsInOrganisation(organisation, namespace);
  held.delete(digest);
  held.set(digest, expiresAt.getTime());
  const unexpired = [...held].filter(([, expiry]) => expiry > now.getTime()).sort((a, b) => a[1] - b[1]);
  const kept = unexpired
    .slice(Math.max(0, unexpired.length - namespace.capacity))
    .map(([stored, expiry]) => [stored, new Date(expiry).toISOString()]);
  const { platform, field } = namespace;
  const data = { ...organisation.platformData?.[platform], [field]: Object.fromEntries(kept) };
  organisation.platformData = { ...organisation.platformData, [platform]: data };
  return true;
}

// One entry looked up, not the whole record parsed: this runs on every claim, and the record may hold thousands.
function heldUntil(
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
