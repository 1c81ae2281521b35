import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { isPaused, statusOf, type MemberStatus } from "../groups/index.js";
import type { Group } from "../setup/index.js";

/** What Cohesion keeps about one member in one of their groups, in counts (never anyone else's data). */
export interface StoredAboutMember {
  readonly group: Group;
  readonly sessionsAnswered: number;
  readonly messages: number;
  readonly rsvps: number;
  readonly contactRequests: number;
  readonly screening: boolean;
  readonly orientationRead: boolean;
  readonly status: MemberStatus;
  readonly paused: boolean;
  readonly checkinsDeclined: boolean;
  /** Notes about this member raised for their leads (alerts), kept until resolved and retained as the group's record. */
  readonly notesToLeads: number;
}

/** What is stored about a member, group by group, for their `my data`. */
export async function storedAboutMember(ctx: CoreContext, member: Address): Promise<StoredAboutMember[]> {
  const theirs = (key: string) => key.startsWith(`${member}|`);
  const groups = ctx.groups.filter((group) => group.members.includes(member));
  return Promise.all(
    groups.map(async (group) => {
      const state = await ctx.store.readGroup(group.id);
      const sessions = new Set(
        Object.keys(state.answers)
          .filter(theirs)
          .map((key) => key.split("|")[1]),
      );
      return {
        group,
        sessionsAnswered: sessions.size,
        messages: Object.values(state.messages).filter((message) => message.member === member).length,
        rsvps: Object.keys(state.rsvps).filter(theirs).length,
        contactRequests: Object.values(state.contactRequests).filter((request) => request.member === member).length,
        screening: state.screening[member] !== undefined,
        orientationRead: state.orientationRead[member] !== undefined,
        status: statusOf(state, member),
        paused: isPaused(state, member),
        checkinsDeclined: state.declinedCheckins[member] !== undefined,
        notesToLeads: Object.values(state.alerts).filter((alert) => alert.member === member).length,
      };
    }),
  );
}
