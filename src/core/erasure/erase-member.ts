import type { Address } from "../../kernel/address.js";
import type { GroupState, OutboxEntry } from "../state.js";
import { contactRequestKey, isUrgent, statusOf, type ContactRequest } from "../alerts/index.js";

/** What an erasure covers: everything about a member (`forget`, retention), or what they gave (`delete my data`). */
export type ErasureScope = "everything" | "own-data";

/** How many records an erasure removed, by kind: counts only, safe to audit and log. */
export interface ErasedCounts {
  answers: number;
  messages: number;
  rsvps: number;
  prompts: number;
  deliveries: number;
  other: number;
}

/** The counts as an audit subject, e.g. "answers=12 messages=1 rsvps=3 prompts=4 deliveries=6 other=5". */
export function countsSubject(counts: ErasedCounts): string {
  return Object.entries(counts)
    .map(([kind, count]) => `${kind}=${count}`)
    .join(" ");
}

/** Whether an erasure removed anything. */
export function erasedAny(counts: ErasedCounts): boolean {
  return Object.values(counts).some((count) => count > 0);
}

/** What to keep while erasing: the records that stop messages to someone still configured as a member. */
export interface ErasureOptions {
  readonly scope: ErasureScope;
  readonly now: Date;
  /** Still a member in cohesion.yaml: their pause, status and choices that stop messages stay, and so do deliveries still due to them (so nothing is sent twice). */
  readonly stillMember: boolean;
  /** Keep the note of when they joined (retention, for a member still configured: the sweep would write it again). */
  readonly keepJoined?: boolean;
}

function dropWhere<V>(records: Record<string, V>, matches: (key: string, value: V) => boolean): number {
  const keys = Object.entries(records).filter(([key, value]) => matches(key, value));
  for (const [key] of keys) Reflect.deleteProperty(records, key);
  return keys.length;
}

/**
 * Erases one member's records from a group's state (call it inside a store update, after freezing the
 * published figures): their answers, messages, RSVPs, screening and contact requests, and for `everything`
 * also their prompts, deliveries, orientation and attendance notes, and their name and words in alerts.
 */
export function eraseMemberRecords(state: GroupState, member: Address, options: ErasureOptions): ErasedCounts {
  const theirs = (key: string) => key.startsWith(`${member}|`);
  const erasedMessages = Object.keys(state.messages).filter((id) => state.messages[id]?.member === member);
  const kept = options.scope === "own-data" ? contactRequestsOnTheirWay(state, member) : new Set<string>();
  const counts: ErasedCounts = {
    answers: dropWhere(state.answers, theirs),
    messages: dropWhere(state.messages, (id) => erasedMessages.includes(id)),
    rsvps: dropWhere(state.rsvps, theirs),
    prompts: 0,
    deliveries: 0,
    other:
      dropWhere(state.screening, (key) => key === member) +
      dropWhere(state.contactRequests, (key, request) => request.member === member && !kept.has(key)) +
      scrubAlerts(state, member, options.scope),
  };
  const about = (entry: OutboxEntry) =>
    entry.delivery.about === member ||
    (entry.delivery.message !== undefined && erasedMessages.includes(entry.delivery.message));
  if (options.scope === "own-data") {
    const stillCarrying = (entry: OutboxEntry) =>
      entry.delivery.kind === "data-deleted" ||
      (entry.delivery.kind === "contact-request" && kept.has(contactRequestKey(member, entry.delivery.session)));
    counts.deliveries = dropWhere(state.outbox, (_, entry) => about(entry) && !stillCarrying(entry));
    return counts;
  }
  const stillDue = (entry: OutboxEntry) => options.stillMember && options.now < new Date(entry.delivery.expiresAt);
  counts.prompts = dropWhere(state.prompts, (_, prompt) => prompt.recipient === member);
  counts.deliveries = dropWhere(
    state.outbox,
    (_, entry) => about(entry) || (entry.delivery.recipient === member && !stillDue(entry)),
  );
  counts.other += eraseMembership(state, member, options);
  return counts;
}

// A member who asked for a lead to get in touch and then deletes their data still gets the call they asked for.
/** The keys of a member's contact requests whose notes to the leads are not all sent (or given up) yet. */
export function contactRequestsOnTheirWay(state: GroupState, member: Address): Set<string> {
  const onItsWay = (request: ContactRequest) => {
    const notes = Object.values(state.outbox).filter(
      (entry) =>
        entry.delivery.kind === "contact-request" &&
        entry.delivery.about === member &&
        entry.delivery.session === request.session,
    );
    return notes.length === 0 || notes.some((note) => note.status === "claimed" || note.status === "retrying");
  };
  return new Set(
    Object.entries(state.contactRequests)
      .filter(([, request]) => request.member === member && onItsWay(request))
      .map(([key]) => key),
  );
}

function eraseMembership(state: GroupState, member: Address, { stillMember, keepJoined }: ErasureOptions): number {
  const isMember = (key: string) => key === member;
  let erased =
    dropWhere(state.saidAbsent, (key) => key.startsWith(`${member}|`)) +
    dropWhere(state.orientationRead, isMember) +
    dropWhere(state.informed, isMember) +
    (keepJoined === true ? 0 : dropWhere(state.joined, isMember)) +
    forgetInDeletionNotes(state, member) +
    dropWhere(state.erasureRequests, (_, request) => request.member === member || request.by === member);
  for (const record of Object.values(state.attendance)) {
    const before = record.absent.length;
    record.absent = record.absent.filter((absent) => absent !== member);
    erased += before - record.absent.length;
  }
  if (!stillMember)
    erased +=
      dropWhere(state.paused, isMember) +
      dropWhere(state.memberStatus, isMember) +
      dropWhere(state.declinedCheckins, isMember);
  return erased;
}

// A note to the leads that a member deleted their own data still goes out after a lead erases them, without the name.
function forgetInDeletionNotes(state: GroupState, member: Address): number {
  const theirs = Object.values(state.ownDataDeletions).filter((deletion) => deletion.member === member);
  for (const deletion of theirs) delete deletion.member;
  return theirs.length;
}

// The alert itself stays (its id is in the audit log), without who it was about or what they wrote or answered.
// A member's own request keeps them on urgent alerts nobody has resolved yet: whoever is escalated to must know who.
function scrubAlerts(state: GroupState, member: Address, scope: ErasureScope): number {
  let scrubbed = 0;
  for (const record of Object.values(state.alerts)) {
    if (record.member !== member) continue;
    if (scope === "own-data" && isUrgent(record) && statusOf(record.history) !== "resolved") {
      delete record.text;
      continue;
    }
    delete record.member;
    delete record.text;
    delete record.value;
    scrubbed += 1;
  }
  return scrubbed;
}
