import type { Pool } from "pg";
import type { KeyNamespace } from "../../core/store.js";
import type { OrganisationState } from "../../core/state.js";
import { claimsInOrganisation, dropClaimsFromOrganisation } from "../organisation-claims.js";

// Expired rows cost nothing but space, so they are deleted at most this often, not on every claim.
const pruneEveryMs = 10 * 60_000;

/** The organisation document, where earlier versions kept claims. */
interface OrganisationDocument {
  read(): Promise<Readonly<OrganisationState>>;
  update<R>(change: (state: OrganisationState) => R): Promise<R>;
}

/**
 * Claimed keys in the `remembered_keys` table, one row per namespace and digest: a single INSERT claims a new key or
 * an expired one, so of several processes claiming the same key at once exactly one succeeds, locking nothing else.
 */
export class PostgresRememberedKeys {
  private nextPrune = 0;
  private readonly adopted = new Map<string, Promise<void>>();

  constructor(
    private readonly pool: Pool,
    private readonly organisation: OrganisationDocument,
  ) {}

  /** True if `digest` is newly claimed in `namespace` until `expiresAt`; false while an unexpired claim holds it. */
  async claim(namespace: KeyNamespace, digest: string, expiresAt: Date, now: Date): Promise<boolean> {
    await this.adoptOnce(namespace, now);
    await this.pruneIfDue(now);
    const { rowCount } = await this.pool.query(
      "INSERT INTO remembered_keys AS held (namespace, digest, expires_at) VALUES ($1, $2, $3) " +
        "ON CONFLICT (namespace, digest) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE held.expires_at <= $4 " +
        "RETURNING digest",
      [nameOf(namespace), digest, expiresAt, now],
    );
    return rowCount === 1;
  }

  private adoptOnce(namespace: KeyNamespace, now: Date): Promise<void> {
    const name = nameOf(namespace);
    let adopting = this.adopted.get(name);
    if (!adopting) {
      adopting = this.adopt(namespace, now).catch((error: unknown) => {
        this.adopted.delete(name);
        throw error;
      });
      this.adopted.set(name, adopting);
    }
    return adopting;
  }

  // Earlier versions kept claims in the organisation document: they are honoured, then taken out of it.
  private async adopt(namespace: KeyNamespace, now: Date): Promise<void> {
    const organisation = await this.organisation.read();
    if (organisation.platformData?.[namespace.platform]?.[namespace.field] === undefined) return;
    const unexpired = [...claimsInOrganisation(organisation, namespace)].filter(([, expiry]) => expiry > now.getTime());
    await this.pool.query(
      "INSERT INTO remembered_keys (namespace, digest, expires_at) " +
        "SELECT $1, digest, expires_at FROM unnest($2::text[], $3::timestamptz[]) AS adopted (digest, expires_at) " +
        "ON CONFLICT (namespace, digest) DO NOTHING",
      [
        nameOf(namespace),
        unexpired.map(([digest]) => digest),
        unexpired.map(([, expiry]) => new Date(expiry).toISOString()),
      ],
    );
    await this.organisation.update((state) => dropClaimsFromOrganisation(state, namespace));
  }

  private async pruneIfDue(now: Date): Promise<void> {
    if (now.getTime() < this.nextPrune) return;
    this.nextPrune = now.getTime() + pruneEveryMs;
    await this.pool.query("DELETE FROM remembered_keys WHERE expires_at <= $1", [now]);
  }
}

function nameOf({ platform, field }: KeyNamespace): string {
  return `${platform}.${field}`;
}
