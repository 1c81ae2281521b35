import { createHash } from "node:crypto";

function digest(value: string, length: number): string {
  return createHash("sha256").update(value).digest("hex").slice(0, length);
}

// A process serves a few groups, and every prompt and alert id starts with its group's tag.
const groupTags = new Map<string, string>();

/** The opaque id of a group as it appears in prompt ids (no name or diagnosis leaks into payloads). */
export function groupTag(groupId: string): string {
  const known = groupTags.get(groupId);
  if (known !== undefined) return known;
  const tag = digest(`group:${groupId}`, 8);
  groupTags.set(groupId, tag);
  return tag;
}

/** The opaque, deterministic id of the prompt a delivery carries: `<group tag>.<hash of the key>`. */
export function promptIdFor(groupId: string, deliveryKey: string): string {
  return `${groupTag(groupId)}.${digest(deliveryKey, 16)}`;
}

/** The group tag a prompt id starts with. */
export function groupTagOf(promptId: string): string {
  return promptId.slice(0, promptId.indexOf("."));
}
