import type { Address } from "../kernel/address.js";
import type { GroupState, OrganisationState } from "./state.js";

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
  /** Flushes and releases the store (the lock, for a file store). */
  close(): Promise<void>;
}
