import type { Address, Platform } from "../kernel/address.js";
import type { GroupState, OrganisationState } from "./state.js";

/** Where claimed keys are kept: `platformData.<platform>.<field>` in a document store, at most `capacity` there. */
export interface KeyNamespace {
  readonly platform: Exclude<Platform, "console">;
  readonly field: string;
  readonly capacity: number;
}

/** Durable state: one document per group plus one for the organisation; changes are atomic. */
export interface Store {
  /** The group's current state (read-only; create it empty if new). */
  readGroup(groupId: string): Promise<Readonly<GroupState>>;
  /** Applies `change` to a copy of the group's state and persists it before resolving; a throw changes nothing. */
  updateGroup<T>(groupId: string, change: (state: GroupState) => T): Promise<T>;
  /** The organisation's current state. */
  readOrganisation(): Promise<Readonly<OrganisationState>>;
  /** Like updateGroup, for the organisation document. */
  updateOrganisation<T>(change: (state: OrganisationState) => T): Promise<T>;
  /** Unlinks the address from old data (its identity map entry) once no document refers to it; whether it did. */
  forgetIdentity(address: Address): Promise<boolean>;
  /** Claims `digest` (a hash) until `expiresAt`: true if newly claimed, false while an unexpired claim holds it. */
  claimKey(namespace: KeyNamespace, digest: string, expiresAt: Date, now: Date): Promise<boolean>;
  /** Flushes and releases the store (the lock, for a file store). */
  close(): Promise<void>;
}
