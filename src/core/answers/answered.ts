import type { Address } from "../../kernel/address.js";
import type { GroupState } from "../state.js";

/** Whether a member gave any answer for a session. */
export function hasAnswered(state: Readonly<GroupState>, member: Address, session: number): boolean {
  const prefix = `${member}|${session}|`;
  return Object.keys(state.answers).some((key) => key.startsWith(prefix));
}
