import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { toAddress } from "../../src/kernel/address.js";
import { appendAudit, type AuditEntry } from "../../src/core/privacy/index.js";
import type { GroupState } from "../../src/core/state.js";
import type { DocumentCipher } from "../../src/store/document-cipher.js";
import { openFileStore } from "../../src/store/file-store.js";
import { readGroupDocuments } from "../../src/store/read-groups.js";

/** Writes a data directory whose `groupId` has `count` chained audit entries, through the store. */
export async function writeAuditedDataDir(dir: string, groupId: string, count: number, cipher?: DocumentCipher) {
  const store = await openFileStore(dir, { cipher });
  for (let index = 0; index < count; index += 1) {
    await store.updateGroup(groupId, (state) =>
      appendAudit(state, toAddress("console:okafor"), "alert-resolved", new Date(Date.UTC(2026, 11, 1, index))),
    );
  }
  await store.close();
}

/**
 * Changes a plaintext group document's audit log, as someone editing the files offline would: the document as stored
 * (its snapshot and the journal of updates since) is written back whole, as a snapshot without a journal.
 */
export async function editAuditLog(dir: string, groupId: string, edit: (audit: AuditEntry[]) => void): Promise<void> {
  const file = join(dir, "groups", `${groupId}.json`);
  const stored = (await readGroupDocuments(dir)).find((group) => group.groupId === groupId);
  const state = structuredClone(stored) as GroupState;
  edit(state.audit);
  await writeFile(file, `${JSON.stringify(state, null, 2)}\n`);
  await rm(`${file}.journal`, { force: true });
}
