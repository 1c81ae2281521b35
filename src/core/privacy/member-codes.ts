import { createHmac, randomBytes } from "node:crypto";
import type { Address } from "../../kernel/address.js";
import type { Store } from "../store.js";

/** The organisation's member-code key, made once (32 random bytes) and kept in its stored state. */
export async function memberCodeKey(store: Store): Promise<Buffer> {
  const existing = (await store.readOrganisation()).memberCodeKey;
  if (existing) return Buffer.from(existing, "base64");
  const key = await store.updateOrganisation((state) => {
    state.memberCodeKey ??= randomBytes(32).toString("base64");
    return state.memberCodeKey;
  });
  return Buffer.from(key, "base64");
}

/**
 * A member's pseudonymous code within one group, e.g. "M-3fa2c9d1e0": a keyed hash (HMAC-SHA256) of
 * the group and the member's address. The same member keeps the same code in every export of that
 * group, gets a different one in another group, and nobody holding only the file can work back to
 * the address without the key, which never leaves the store.
 */
export function memberCode(key: Buffer, groupId: string, member: Address): string {
  return `M-${createHmac("sha256", key).update(`${groupId}\n${member}`).digest("hex").slice(0, 10)}`;
}
