import { join } from "node:path";
import type { DocumentCipher } from "./document-cipher.js";
import { FileEncryption } from "./file-encryption.js";
import type { FileFormat } from "./file-format.js";
import { IdentityMap } from "./identity-map.js";
import { addressesInJson, Pseudonyms } from "./pseudonyms.js";
import { pseudonymousFormat } from "./pseudonymous-format.js";

/** The identity map's file in a data directory. */
export const identitiesFileName = "identities.json";

/**
 * How the documents of a data directory are stored: with a key, encrypted and with pseudonyms instead of addresses
 * (the identity map beside them); without one, as plain JSON that holds the addresses.
 */
export class DocumentFormats {
  /** The documents' encryption at rest. */
  readonly encryption: FileEncryption;
  /** The identity map, when documents are stored with pseudonyms. */
  readonly identities: IdentityMap | undefined;
  private readonly pseudonyms: Pseudonyms | undefined;

  constructor(dataDir: string, cipher: DocumentCipher | undefined) {
    this.encryption = new FileEncryption(cipher);
    if (!cipher) return;
    this.pseudonyms = new Pseudonyms(cipher);
    this.identities = new IdentityMap(join(dataDir, identitiesFileName), this.encryption.format("identities"));
  }

  /** The format of the document called `name`. */
  format(name: string): FileFormat {
    const inner = this.encryption.format(name);
    if (!this.pseudonyms || !this.identities) return inner;
    return pseudonymousFormat(inner, name, this.pseudonyms, this.identities);
  }

  /** Drops from the identity map every entry that none of `documents` (all there are, in the current form) uses. */
  async keepIdentitiesOf(documents: readonly unknown[]): Promise<void> {
    const pseudonyms = this.pseudonyms;
    if (!pseudonyms || !this.identities) return;
    const addresses = new Set(documents.flatMap((document) => [...addressesInJson(document)]));
    await this.identities.keepOnly(new Set([...addresses].map((address) => pseudonyms.of(address))));
  }

  /** Removes `address` from the identity map unless one of `documents()` still refers to it; whether it is gone. */
  async forget(address: string, documents: () => Promise<readonly unknown[]>): Promise<boolean> {
    const stillUsed = async () => (await documents()).some((document) => addressesInJson(document).has(address));
    return this.identities ? this.identities.forget(address, stillUsed) : !(await stillUsed());
  }
}
