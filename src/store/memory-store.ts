import type { Address } from "../kernel/address.js";
import type { KeyNamespace, Store } from "../core/store.js";
import { emptyGroupState, emptyOrganisationState, type GroupState, type OrganisationState } from "../core/state.js";
import { applyChange, frozenState } from "./draft-change.js";
import { SerialQueue } from "./serial-queue.js";
import { BatchedClaims } from "./batched-claims.js";

/** One in-memory document whose updates apply to a draft (sharing what they do not change) and are serialised. */
class MemoryDocument<T extends object> {
  private readonly queue = new SerialQueue();
  private data: T;

  constructor(initial: T) {
    this.data = frozenState(initial);
  }

  read(): Readonly<T> {
    return this.data;
  }

  update<R>(change: (state: T) => R): Promise<R> {
    return this.queue.run(() => {
      const { next, result } = applyChange(this.data, change);
      this.data = next;
      return result;
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }
}

/** A Store kept in memory, with the same semantics as the file store; for tests and the console. */
export class MemoryStore implements Store {
  private readonly organisation = new MemoryDocument<OrganisationState>(emptyOrganisationState());
  private readonly claims = new BatchedClaims(this.organisation);
  private readonly groups = new Map<string, MemoryDocument<GroupState>>();

  /** The group's current state, created empty if new. */
  async readGroup(groupId: string): Promise<Readonly<GroupState>> {
    return this.group(groupId).read();
  }

  /** Applies `change` to a copy of the group's state and keeps the copy unless `change` throws. */
  updateGroup<T>(groupId: string, change: (state: GroupState) => T): Promise<T> {
    return this.group(groupId).update(change);
  }

  /** The organisation's current state. */
  async readOrganisation(): Promise<Readonly<OrganisationState>> {
    return this.organisation.read();
  }

  /** Like updateGroup, for the organisation document. */
  updateOrganisation<T>(change: (state: OrganisationState) => T): Promise<T> {
    return this.organisation.update(change);
  }

  /** Keeps no identity map, so there is nothing to drop: always true. */
  async forgetIdentity(_address: Address): Promise<boolean> {
    return true;
  }

  /** Claims `digest` in the organisation document, where the file store keeps it too. */
  claimKey(namespace: KeyNamespace, digest: string, expiresAt: Date, now: Date): Promise<boolean> {
    return this.claims.claim(namespace, digest, expiresAt, now);
  }

  /** Waits for pending updates; the store stays usable. */
  async close(): Promise<void> {
    await Promise.all([this.organisation.idle(), ...[...this.groups.values()].map((group) => group.idle())]);
  }

  private group(groupId: string): MemoryDocument<GroupState> {
    let group = this.groups.get(groupId);
    if (!group) {
      group = new MemoryDocument(emptyGroupState(groupId));
      this.groups.set(groupId, group);
    }
    return group;
  }
}
