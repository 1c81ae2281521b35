import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { additionalData, readEnvelope, SealedDocumentError, writeEnvelope } from "./sealed-envelope.js";

const algorithm = "aes-256-gcm";
const keyLength = 32;
const ivLength = 12;
const tagLength = 16;

/** A key's id, written in each envelope: 16 hex digits of a domain-separated SHA-256 of the key, useless for finding it. */
export function keyIdOf(key: Uint8Array): string {
  return createHash("sha256").update("cohesion data key id\n").update(key).digest("hex").slice(0, 16);
}

/** What opening a sealed document gives: its bytes, and the id of the key it was sealed with. */
export interface OpenedDocument {
  readonly plaintext: Buffer;
  readonly keyId: string;
}

/**
 * Encrypts documents' bytes at rest (AES-256-GCM, a fresh random IV each time) into a versioned JSON envelope
 * bound to the document's name; seals with the current key and opens what the current or a previous key sealed.
 * It works on bytes, not files, so any store can encrypt its payloads with it.
 */
export class DocumentCipher {
  /** The id of the key new envelopes are sealed with. */
  readonly keyId: string;
  private readonly current: Buffer;
  private readonly keys = new Map<string, Buffer>();

  constructor(key: Uint8Array, previousKeys: readonly Uint8Array[] = []) {
    for (const each of [key, ...previousKeys]) {
      if (each.length !== keyLength) throw new Error(`A data encryption key must be ${keyLength} bytes.`);
      this.keys.set(keyIdOf(each), Buffer.from(each));
    }
    this.keyId = keyIdOf(key);
    this.current = Buffer.from(key);
  }

  /** The ids of every key this cipher opens, the current one first. */
  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** A 32-byte key for `purpose`, derived from the current key with HKDF-SHA256, so that it never needs storing. */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync("sha256", this.current, "cohesion", purpose, keyLength));
  }

  /** The envelope of `plaintext`, for the document called `name`, sealed with the current key. */
  seal(name: string, plaintext: Uint8Array): Buffer {
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv(algorithm, this.current, iv, { authTagLength: tagLength });
    cipher.setAAD(additionalData(name, this.keyId));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return writeEnvelope({ keyId: this.keyId, iv, tag: cipher.getAuthTag(), ciphertext });
  }

  /** The bytes sealed in `sealed` for the document called `name`; throws SealedDocumentError when it cannot. */
  open(name: string, sealed: Uint8Array): OpenedDocument {
    const envelope = readEnvelope(sealed);
    if (!envelope) throw new SealedDocumentError("malformed", "not a sealed document");
    const key = this.keys.get(envelope.keyId);
    if (!key) throw new SealedDocumentError("unknown-key", `sealed with key ${envelope.keyId}`);
    const decipher = createDecipheriv(algorithm, key, envelope.iv, { authTagLength: tagLength });
    decipher.setAAD(additionalData(name, envelope.keyId));
    decipher.setAuthTag(envelope.tag);
    try {
      const plaintext = Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]);
      return { plaintext, keyId: envelope.keyId };
    } catch {
      throw new SealedDocumentError(
        "not-authentic",
        `it fails authentication with key ${envelope.keyId}: it was changed, damaged, or belongs to another document`,
      );
    }
  }
}
