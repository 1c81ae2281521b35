import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { toAddress } from "../../src/kernel/address.js";
import { answerKey, emptyGroupState, emptyOrganisationState, type GroupState } from "../../src/core/state.js";
import { DocumentCipher } from "../../src/store/document-cipher.js";
import { isSealedJournal } from "./journal-helpers.js";

/** A member id and an answer that must never be readable in the data directory. */
export const canary = { member: "slack:UCANARY4242", text: "canary-text-never-in-clear" };

/** A fresh random data key (32 bytes). */
export function newKey(): Buffer {
  return randomBytes(32);
}

/** A cipher sealing with `key` and opening what `previous` sealed too. */
export function cipherOf(key: Buffer, ...previous: Buffer[]): DocumentCipher {
  return new DocumentCipher(key, previous);
}

/** Every file under `dir` (relative path, with forward slashes), sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

/** The SHA-256 of every file under `dir`, by relative path: equal before and after means byte-identical. */
export async function hashFiles(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of await filesUnder(dir)) {
    hashes[file] = createHash("sha256")
      .update(await readFile(join(dir, file)))
      .digest("hex");
  }
  return hashes;
}

/** All the bytes of every file under `dir`, one after another. */
export async function allBytes(dir: string): Promise<Buffer> {
  const files = await filesUnder(dir);
  return Buffer.concat(await Promise.all(files.map((file) => readFile(join(dir, file)))));
}

/** A group holding the canary: an answer keyed by the canary member, a message with the canary text. */
export function canaryGroup(groupId: string): GroupState {
  const state = emptyGroupState(groupId);
  state.answers[answerKey(canary.member, 1, "process", "engaged-1")] = { value: 5, at: "2026-01-06T19:00:00.000Z" };
  state.messages["msg-1"] = {
    member: toAddress(canary.member),
    text: canary.text,
    at: "2026-01-06T19:00:00.000Z",
    session: 1,
  };
  return state;
}

/** A data directory as written before encryption: plain indented JSON, one group file per id, and the organisation. */
export async function writePlaintextDataDir(dir: string, groupIds: readonly string[]): Promise<void> {
  await mkdir(join(dir, "groups"), { recursive: true });
  const organisation = { ...emptyOrganisationState(), consoleClock: "2026-01-06T18:00:00.000Z" };
  await writeFile(join(dir, "organisation.json"), `${JSON.stringify(organisation, null, 2)}\n`);
  for (const groupId of groupIds) {
    await writeFile(join(dir, "groups", `${groupId}.json`), `${JSON.stringify(canaryGroup(groupId), null, 2)}\n`);
  }
}

/** Whether the file's bytes are a sealed envelope (and not plain JSON); for a journal, whether each record is. */
export async function isSealedFile(path: string): Promise<boolean> {
  if (path.endsWith(".journal")) return isSealedJournal(path);
  const json: unknown = JSON.parse(await readFile(path, "utf8"));
  return typeof json === "object" && json !== null && "cohesion-sealed" in json;
}
