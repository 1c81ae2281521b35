import type { Address } from "../../kernel/address.js";
import type { GroupState } from "../state.js";

// Stored states are replaced, never changed in place, so one index per state object stays true for its lifetime.
const indexes = new WeakMap<Readonly<GroupState>, ReadonlySet<string>>();

function pairOf(member: string, session: number | string): string {
  return `${member}|${session}`;
}

/** The (member, session) pairs with at least one answer in `state`, computed once per stored state. */
export function answeredPairs(state: Readonly<GroupState>): ReadonlySet<string> {
  let pairs = indexes.get(state);
  if (!pairs) {
    const found = new Set<string>();
    for (const key of Object.keys(state.answers)) {
      const [member, session] = key.split("|");
      if (member !== undefined && session !== undefined) found.add(pairOf(member, session));
    }
    pairs = found;
    indexes.set(state, pairs);
  }
  return pairs;
}

/** Whether a member gave any answer for a session (in a stored state, or a copy whose answers no longer change). */
export function hasAnswered(state: Readonly<GroupState>, member: Address, session: number): boolean {
  return answeredPairs(state).has(pairOf(member, session));
}
