import { DocumentCipher } from "./document-cipher.js";
import { corruptDocument, encryptedWithoutKey, notEncrypted, sealedWithOtherKey } from "./document-errors.js";
import { parseJson, plainJson, type DecodedFile, type FileFormat } from "./file-format.js";
import { readEnvelope, SealedDocumentError, type Envelope } from "./sealed-envelope.js";

/**
 * The file store's encryption at rest: with a cipher, documents are sealed (a plaintext one is read so that it can be
 * encrypted, until `refusePlaintext`); without one they are plain JSON, and an encrypted one asks for the key.
 */
export class FileEncryption {
  private plaintextAccepted = true;

  constructor(private readonly cipher: DocumentCipher | undefined) {}

  /** Whether documents are written encrypted. */
  get encrypting(): boolean {
    return this.cipher !== undefined;
  }

  /** From now on a plaintext document is refused as tampering, when encrypting. */
  refusePlaintext(): void {
    this.plaintextAccepted = false;
  }

  /** The format of the document called `name` (its name is bound to its ciphertext). */
  format(name: string): FileFormat {
    const cipher = this.cipher;
    if (!cipher) return { ...plainJson, decode: (file, bytes) => this.decodeWithoutKey(file, bytes) };
    return {
      seals: true,
      decode: (file, bytes) => this.decodeWithKey(cipher, name, file, bytes),
      encode: (data) => cipher.seal(name, Buffer.from(JSON.stringify(data), "utf8")),
    };
  }

  private decodeWithoutKey(file: string, bytes: Buffer): DecodedFile {
    const envelope = envelopeIn(file, bytes);
    if (envelope) throw encryptedWithoutKey(file, envelope.keyId);
    return plainJson.decode(file, bytes);
  }

  private decodeWithKey(cipher: DocumentCipher, name: string, file: string, bytes: Buffer): DecodedFile {
    const envelope = envelopeIn(file, bytes);
    if (!envelope) {
      const json = parseJson(file, bytes);
      if (!this.plaintextAccepted) throw notEncrypted(file);
      return { json, sealed: false, current: false };
    }
    try {
      const { plaintext, keyId } = cipher.open(name, bytes);
      return { json: parseJson(file, plaintext), sealed: true, current: keyId === cipher.keyId };
    } catch (error) {
      if (!(error instanceof SealedDocumentError)) throw error;
      if (error.problem === "unknown-key") throw sealedWithOtherKey(file, envelope.keyId, cipher.keyIds);
      throw corruptDocument(file, error.message);
    }
  }
}

function envelopeIn(file: string, bytes: Buffer): Envelope | undefined {
  try {
    return readEnvelope(bytes);
  } catch (error) {
    if (error instanceof SealedDocumentError) throw corruptDocument(file, error.message);
    throw error;
  }
}
