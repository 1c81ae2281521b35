import type { KeyNamespace } from "../core/store.js";
import type { OrganisationState } from "../core/state.js";
import { claimAllInOrganisation, heldUntil, type Claim } from "./organisation-claims.js";

/** The organisation document of a store that keeps claims in it. */
export interface OrganisationDocument {
  read(): Readonly<OrganisationState> | Promise<Readonly<OrganisationState>>;
  update<R>(change: (state: OrganisationState) => R): Promise<R>;
}

interface Waiting extends Claim {
  readonly settle: (claimed: boolean) => void;
  readonly fail: (error: unknown) => void;
}

/**
 * Claims kept in an organisation document (one process's store), written together: the claims that arrive while a
 * write is under way go into the next one, so a burst of requests costs a few writes, not one each. A claim resolves
 * only once it is stored; one an unexpired claim holds is refused at once, writing nothing.
 */
export class BatchedClaims {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly document: OrganisationDocument) {}

  /** True if `digest` is newly claimed in `namespace` until `expiresAt`; false while an unexpired claim holds it. */
  async claim(namespace: KeyNamespace, digest: string, expiresAt: Date, now: Date): Promise<boolean> {
    if (heldUntil(await this.document.read(), namespace, digest) > now.getTime()) return false;
    return new Promise<boolean>((settle, fail) => {
      this.waiting.push({ namespace, digest, expiresAt, now, settle, fail });
      void this.writeWaiting();
    });
  }

  private async writeWaiting(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0);
        try {
          const results = await this.document.update((state) => claimAllInOrganisation(state, batch));
          batch.forEach((claim, index) => claim.settle(results[index] === true));
        } catch (error) {
          for (const claim of batch) claim.fail(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
