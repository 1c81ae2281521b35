import type { Address } from "../../kernel/address.js";
import { absentFromClimate } from "../attendance/index.js";
import { hadLeftBy, type Session } from "../groups/index.js";
import type { Group } from "../setup/index.js";
import type { GroupState } from "../state.js";

/** What decides whose check-in and answers count in one session's climate. */
export interface SessionMembersInput {
  readonly group: Group;
  readonly state: Readonly<GroupState>;
  readonly session: Session;
  readonly closes: Date;
  readonly now: Date;
  readonly answered: (member: Address) => boolean;
}

/**
 * Whose check-in and answers count in a session's climate (its response rate's numerator and
 * denominator): not a member who was absent from it, nor one who withdrew or died before answering
 * while its answers were open. Answers given before leaving still count: they were there.
 */
export function countsInSession({ group, state, session, closes, now, answered }: SessionMembersInput) {
  const until = now < closes ? now : closes;
  return (member: Address): boolean =>
    !absentFromClimate(group, state, session, member, closes) && (answered(member) || !hadLeftBy(state, member, until));
}
