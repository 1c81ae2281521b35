import { createHash } from "node:crypto";

function digest(value: string, length: number): string {
  return createHash("sha256").update(value).digest("hex").slice(0, length);
}

/** The opaque id of a group as it appears in prompt ids (no name or diagnosis leaks into payloads). */
export function groupTag(groupId: string): string {
  return digest(`group:${groupId}`, 8);
}

/** The opaque, deterministic id of the prompt a delivery carries: `<group tag>.<hash of the key>`. */
export function promptIdFor(groupId: string, deliveryKey: string): string {
  return `${groupTag(groupId)}.${digest(deliveryKey, 16)}`;
}

/** The group tag a prompt id starts with. */
export function groupTagOf(promptId: string): string {
  return promptId.slice(0, promptId.indexOf("."));
}
