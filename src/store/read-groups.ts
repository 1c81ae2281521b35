import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { StartupError } from "../kernel/errors.js";
import { emptyGroupState, organisationStateSchema, type GroupState } from "../core/state.js";
import { AtomicJsonFile } from "./atomic-json-file.js";
import type { DocumentCipher } from "./document-cipher.js";
import { validateDocument } from "./document-errors.js";
import { DocumentFormats } from "./document-formats.js";
import { FileDocument } from "./file-document.js";
import { groupFileName, groupParser } from "./group-document.js";

/**
 * Reads and validates every group document in `dataDir` as the store does (pseudonyms revealed through the identity
 * map), without taking its lock or writing any file (so it may run beside Cohesion); problems are StartupErrors.
 */
export async function readGroupDocuments(dataDir: string, cipher?: DocumentCipher): Promise<GroupState[]> {
  const formats = new DocumentFormats(dataDir, cipher);
  const organisationFile = join(dataDir, "organisation.json");
  const organisation = new AtomicJsonFile(
    organisationFile,
    (json) => validateDocument(organisationFile, json, organisationStateSchema),
    formats.format("organisation"),
  );
  await organisation.read();
  // As at start-up: once organisation.json is encrypted, a plaintext group document was put there by someone else.
  if (organisation.stored?.sealed) formats.encryption.refusePlaintext();
  await formats.identities?.load();
  const groupsDir = join(dataDir, "groups");
  let names: string[];
  try {
    names = await readdir(groupsDir);
  } catch {
    throw new StartupError(`${groupsDir} cannot be read: is DATA_DIR the data directory?`);
  }
  const groups: GroupState[] = [];
  for (const groupId of names.flatMap((name) => groupFileName.exec(name)?.[1] ?? []).sort()) {
    const file = join(groupsDir, `${groupId}.json`);
    // Its snapshot and the journal of updates since, read without changing either.
    const document = new FileDocument(
      file,
      groupParser(file, groupId),
      () => emptyGroupState(groupId),
      formats.format(`groups/${groupId}`),
    );
    const state = await document.load();
    if (document.stored) groups.push(state);
  }
  return groups;
}
