import { z } from "zod";
import { corruptDocument, unknownPseudonyms } from "./document-errors.js";
import type { DecodedFile, FileFormat } from "./file-format.js";
import type { IdentityMap } from "./identity-map.js";
import { mapJsonStrings } from "./json-strings.js";
import type { Pseudonyms } from "./pseudonyms.js";
import { concealText, revealText } from "./pseudonym-text.js";

const marker = "cohesion-pseudonymous";
const version = 1;
const wrapperSchema = z.strictObject({ [marker]: z.literal(version), document: z.unknown() });
// What the format uses of an identity map, so that a store may keep its map elsewhere than in a file.
type Identities = Pick<IdentityMap, "file" | "load" | "addressOf" | "hold">;

/**
 * The format of a document stored with pseudonyms instead of addresses, around `inner` (the encryption): addresses are
 * concealed on writing, after the identity map holds them, and revealed through the map on reading.
 */
export function pseudonymousFormat(
  inner: FileFormat,
  name: string,
  pseudonyms: Pseudonyms,
  identities: Identities,
): FileFormat {
  return {
    seals: inner.seals,
    decode: async (file, bytes) => reveal(file, await inner.decode(file, bytes), pseudonyms, identities),
    encode: async (data) => {
      const used = new Map<string, string>();
      const document = mapJsonStrings(data, (text) =>
        concealText(text, (address) => {
          const pseudonym = pseudonyms.of(address);
          used.set(pseudonym, address);
          return pseudonym;
        }),
      );
      await identities.hold(name, used);
      return inner.encode({ [marker]: version, document });
    },
  };
}

// A document written before pseudonyms is read as it is, and is not current: opening the store rewrites it.
async function reveal(file: string, decoded: DecodedFile, pseudonyms: Pseudonyms, identities: Identities) {
  const { json: stored } = decoded;
  if (typeof stored !== "object" || stored === null || !(marker in stored)) return { ...decoded, current: false };
  const wrapper = wrapperSchema.safeParse(stored);
  if (!wrapper.success) throw corruptDocument(file, "not a valid pseudonymous document");
  await identities.load();
  const missing = new Set<string>();
  // Pseudonyms made under a previous data key read as well, and mark the document for rewriting under the current one.
  let current = decoded.current;
  const json = mapJsonStrings(wrapper.data.document, (text) =>
    revealText(text, (pseudonym) => {
      const address = identities.addressOf(pseudonym);
      if (address === undefined) {
        missing.add(pseudonym);
        return pseudonym;
      }
      if (pseudonyms.of(address) !== pseudonym) current = false;
      return address;
    }),
  );
  if (missing.size > 0) throw unknownPseudonyms(file, identities.file, missing.size);
  return { json, sealed: decoded.sealed, current };
}
