import type { Store } from "../core/store.js";
import { auditChainProblem, groupCounts, type CountsByGroup, type GroupCounts } from "./document-counts.js";

/** A copy that does not hold what its source held; its message names only groups and counts. */
export class CopyMismatchError extends Error {
  override readonly name = "CopyMismatchError";
}

/**
 * Copies the organisation document and each group in `groupIds` from `source` into `target` through the Store API,
 * each replacing the target's document whole; the source's counts, by group.
 */
export async function copyDocuments(source: Store, target: Store, groupIds: readonly string[]): Promise<CountsByGroup> {
  const organisation = structuredClone(await source.readOrganisation());
  await target.updateOrganisation((state) => replaceWhole(state, organisation));
  const counts = new Map<string, GroupCounts>();
  for (const groupId of groupIds) {
    const group = structuredClone(await source.readGroup(groupId));
    counts.set(groupId, groupCounts(group));
    await target.updateGroup(groupId, (state) => replaceWhole(state, group));
  }
  return counts;
}

/**
 * Reads each group in `groupIds` from `store` and checks its audit chain (acknowledged breaks by group allowed):
 * their counts, by group, or a CopyMismatchError for the first broken chain.
 */
export async function readCounts(
  store: Store,
  groupIds: readonly string[],
  acknowledged: ReadonlyMap<string, ReadonlySet<number>> = new Map(),
): Promise<CountsByGroup> {
  const counts = new Map<string, GroupCounts>();
  for (const groupId of groupIds) {
    const state = await store.readGroup(groupId);
    const problem = auditChainProblem(state, acknowledged.get(groupId));
    if (problem) throw new CopyMismatchError(problem);
    counts.set(groupId, groupCounts(state));
  }
  return counts;
}

function replaceWhole<T extends object>(state: T, copy: T): void {
  for (const key of Object.keys(state)) delete (state as Record<string, unknown>)[key];
  Object.assign(state, copy);
}
