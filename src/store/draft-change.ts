import { createDraft, current, enablePatches, finishDraft, freeze, isDraft, type Draft, type Patch } from "immer";

enablePatches();

/** What applying a change gave: the next state (sharing what did not change), the change's result and its patches. */
export interface AppliedChange<T, R> {
  readonly next: T;
  readonly result: R;
  readonly patches: Patch[];
}

/**
 * Applies `change` to a draft of `base` (immer): the next state shares every part it did not change and is deep-frozen,
 * like `base`. A throw leaves `base` as it was. Drafts in the result become plain values, since the draft is revoked.
 */
export function applyChange<T extends object, R>(base: T, change: (state: T) => R): AppliedChange<T, R> {
  const draft = createDraft(base);
  const result = detach(change(draft as T));
  let patches: Patch[] = [];
  const next = finishDraft(draft, (made) => (patches = made)) as T;
  return { next, result, patches };
}

/**
 * Whether `patches` take data away (a removal, or a whole top-level record replaced), as erasure and retention do: the
 * store then writes a new snapshot, so that what they took is not kept on in the records of earlier updates.
 */
export function takesDataAway(patches: readonly Patch[]): boolean {
  return patches.some((patch) => patch.op === "remove" || (patch.op === "replace" && patch.path.length <= 1));
}

/** `state`, deep-frozen, as every state a store holds is: a change makes a new state and never alters this one. */
export function frozenState<T>(state: T): T {
  return freeze(state, true);
}

// Walks only the plain containers of a result: a draft found inside becomes a copy of its current value.
function detach<V>(value: V): V {
  if (isDraft(value)) return current(value as Draft<V>) as V;
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    const detached = items.map((item) => detach(item));
    return (detached.some((item, index) => item !== items[index]) ? detached : value) as V;
  }
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const entries = Object.entries(value);
  const detached = entries.map(([key, item]) => [key, detach(item)] as const);
  if (detached.every(([, item], index) => item === entries[index]?.[1])) return value;
  return Object.fromEntries(detached) as V;
}
