import type { Delivery, GroupState } from "../state.js";

/** A sent check-in, and when it counts as sent: when it was due, or when it actually went out if that was later. */
export interface SentCheckin {
  readonly checkin: Delivery;
  readonly sentAt: number;
}

// Stored states are replaced, never changed in place: each state's check-ins are ordered once, then searched.
const ordered = new WeakMap<Readonly<GroupState>, readonly SentCheckin[]>();

function sentCheckins(state: Readonly<GroupState>): readonly SentCheckin[] {
  let checkins = ordered.get(state);
  if (!checkins) {
    checkins = Object.values(state.outbox)
      .filter((entry) => entry.delivery.kind === "checkin" && entry.status === "sent")
      .map((entry) => ({
        checkin: entry.delivery,
        sentAt: Math.max(Date.parse(entry.delivery.dueAt), Date.parse(entry.updatedAt)),
      }))
      .sort((a, b) => a.sentAt - b.sentAt);
    ordered.set(state, checkins);
  }
  return checkins;
}

// The position of the first check-in sent after `instant`.
function firstAfter(checkins: readonly SentCheckin[], instant: number): number {
  let [low, high] = [0, checkins.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((checkins[middle]?.sentAt ?? Infinity) > instant) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The check-ins of a stored state sent in (from, to], oldest first; only those are looked at, not the whole outbox. */
export function checkinsSentWithin(state: Readonly<GroupState>, from: Date, to: Date): SentCheckin[] {
  const checkins = sentCheckins(state);
  return checkins.slice(firstAfter(checkins, from.getTime()), firstAfter(checkins, to.getTime()));
}
