// Values that must never appear in a log line or in the raw bytes of the data directory.

/** The Slack user id of the n-th canary member (n from 1). */
export function canaryMemberId(n: number): string {
  return `UCANARY${String(n).padStart(5, "0")}`;
}

/** Canary people and channels of the fault suite's group, by role. */
export const canaryPeople = {
  leads: ["UCANARYLEADA", "UCANARYLEADB"],
  careTeam: "CCANARYCARETEAM",
  onCall: "UCANARYONCALL",
} as const;

/** The name Slack sends with each of a member's requests. */
export const canaryName = "Marigold Quenby";

/** Free text a member writes, and its words that must never be logged or stored in the clear. */
export const canaryText = "canarywords-pebble-lantern-orchard";

/** Every canary of a group with `members` members. */
export function allCanaries(members: number): string[] {
  const ids = Array.from({ length: members }, (_, i) => canaryMemberId(i + 1));
  return [...ids, ...canaryPeople.leads, canaryPeople.careTeam, canaryPeople.onCall, canaryText, canaryName];
}
