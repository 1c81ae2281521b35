import type { ClientBase, Pool } from "pg";
import type { DocumentCipher } from "../document-cipher.js";
import { FileEncryption } from "../file-encryption.js";
import type { FileFormat } from "../file-format.js";
import { Pseudonyms } from "../pseudonyms.js";
import { pseudonymousFormat } from "../pseudonymous-format.js";
import { PostgresIdentityMap } from "./postgres-identity-map.js";

/** How one document's data becomes its row's payload, and back. */
export interface RowFormat {
  /** The JSON in `payload`, reading through `db` what it needs; a problem is a StartupError naming `where`. */
  decode(where: string, payload: Buffer, db: ClientBase | Pool): Promise<unknown>;
  /** The payload for `data`, writing what it needs beside it (new pseudonyms) in the transaction of `client`. */
  encode(client: ClientBase, data: unknown): Promise<Buffer>;
}

/**
 * The payloads' forms, the same as the file store's files: with a key, sealed with it and with pseudonyms in place of
 * addresses (the identity map in its own table); without one, plain JSON holding the addresses.
 */
export class RowFormats {
  /** The identity map, when payloads hold pseudonyms. */
  readonly identities: PostgresIdentityMap | undefined;
  /** The pseudonyms of addresses, when payloads hold them. */
  readonly pseudonyms: Pseudonyms | undefined;
  private readonly encryption: FileEncryption;

  constructor(pool: Pool, cipher: DocumentCipher | undefined) {
    this.encryption = new FileEncryption(cipher);
    // Rows are written in one form from the first, so a plaintext payload beside sealed ones was put there by someone.
    this.encryption.refusePlaintext();
    if (!cipher) return;
    this.pseudonyms = new Pseudonyms(cipher);
    this.identities = new PostgresIdentityMap(pool, this.encryption);
  }

  /** The format of the document called `name` (bound to its ciphertext, as a file's name is). */
  format(name: string): RowFormat {
    const inner = this.encryption.format(name);
    const identities = this.identities;
    const format: FileFormat =
      this.pseudonyms && identities ? pseudonymousFormat(inner, name, this.pseudonyms, identities) : inner;
    return {
      decode: async (where, payload, db) => {
        try {
          return (await format.decode(where, payload)).json;
        } catch (error) {
          if (!identities) throw error;
          // Another process may have written pseudonyms this one has not read yet.
          await identities.reload(db);
          return (await format.decode(where, payload)).json;
        }
      },
      encode: async (client, data) => {
        const payload = await format.encode(data);
        await identities?.write(client, name);
        return payload;
      },
    };
  }
}
