import { createHmac } from "node:crypto";
import type { DocumentCipher } from "./document-cipher.js";
import { visitJsonStrings } from "./json-strings.js";
import { addressesIn } from "./pseudonym-text.js";

// A distinct HKDF `info`, so that the pseudonym key is independent of the key that seals documents.
const purpose = "cohesion pseudonyms v1";

/** Members' pseudonyms: a keyed HMAC-SHA256 of each address under a key derived from the data key, never stored. */
export class Pseudonyms {
  private readonly key: Buffer;
  private readonly known = new Map<string, string>();

  constructor(cipher: DocumentCipher) {
    this.key = cipher.deriveKey(purpose);
  }

  /** The pseudonym of `address`: `p_` and the first 128 bits of its HMAC in base64url. */
  of(address: string): string {
    let pseudonym = this.known.get(address);
    if (pseudonym === undefined) {
      const digest = createHmac("sha256", this.key).update(address, "utf8").digest();
      pseudonym = `p_${digest.subarray(0, 16).toString("base64url")}`;
      this.known.set(address, pseudonym);
    }
    return pseudonym;
  }
}

/** Every platform address anywhere in the JSON value `value`: its strings, keys and composite keys. */
export function addressesInJson(value: unknown): Set<string> {
  const found = new Set<string>();
  visitJsonStrings(value, (text) => {
    for (const address of addressesIn(text)) found.add(address);
  });
  return found;
}
