import type { Address } from "../kernel/address.js";
import type { Store } from "../core/store.js";
import { emptyGroupState, emptyOrganisationState, type GroupState, type OrganisationState } from "../core/state.js";
import { SerialQueue } from "./serial-queue.js";

/** One in-memory document whose updates apply to a copy and are serialised. */
class MemoryDocument<T> {
  private readonly queue = new SerialQueue();

  constructor(private data: T) {}

  read(): Readonly<T> {
    return this.data;
  }

  update<R>(change: (state: T) => R): Promise<R> {
    return this.queue.run(() => {
      const draft = structuredClone(this.data);
      const result = change(draft);
      this.data = draft;
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
