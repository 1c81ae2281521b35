import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { toAddress } from "../../src/kernel/address.js";
import { appendAudit } from "../../src/core/privacy/index.js";
import { answerKey, emptyGroupState, rsvpKey, type GroupState } from "../../src/core/state.js";
import type { DocumentCipher } from "../../src/store/document-cipher.js";
import { filesUnder } from "./encryption-helpers.js";
import { openedJournal } from "./journal-helpers.js";

/** Distinctive addresses of each platform, a Teams one with `:`, `@`, `.` and `-` in its local part. */
export const canaryAddresses = {
  slack: toAddress("slack:UCANARY4242"),
  teams: toAddress("teams:19:canary-chan.9@thread.tacv2"),
  console: toAddress("console:canary-ana"),
};

/** What must appear nowhere in a stored document: each address and its local part. */
export const canaryTraces = Object.values(canaryAddresses).flatMap((address) => [address, address.split(/:(.*)/)[1]!]);

/** A group holding the canary addresses in values, record keys, composite keys, free text and the audit log. */
export function pseudonymousGroup(groupId: string): GroupState {
  const { slack, teams, console } = canaryAddresses;
  const at = "2026-01-06T19:00:00.000Z";
  const state = emptyGroupState(groupId);
  state.answers[answerKey(slack, 1, "process", "engaged-1")] = { value: 5, at };
  state.answers[answerKey(teams, 1, "process", "engaged-1")] = { value: 3, at };
  state.rsvps[rsvpKey(console, 2)] = { response: "yes", at };
  state.joined[teams] = at;
  state.messages["msg-1"] = { member: slack, text: `please tell ${teams} and ${console}|thanks`, at, session: 1 };
  const key = `unreachable:${groupId}:2:${console}:${teams}`;
  state.outbox[key] = {
    delivery: {
      key,
      kind: "unreachable",
      groupId,
      recipient: console,
      about: teams,
      session: 2,
      dueAt: at,
      expiresAt: at,
    },
    status: "sent",
    updatedAt: at,
    attempts: 1,
  };
  appendAudit(state, console, "alert-resolved", new Date(at));
  return state;
}

/**
 * Each document under `dir` (organisation, groups, identities) decrypted with `cipher`, as text, by relative path:
 * its snapshot, then the records of its journal.
 */
export async function decryptedDocuments(dir: string, cipher: DocumentCipher): Promise<Record<string, string>> {
  const documents: Record<string, string> = {};
  const files = await filesUnder(dir);
  for (const file of files) {
    if (!file.endsWith(".json")) continue;
    const name = file.replace(/\.json$/, "");
    const journal = files.includes(`${file}.journal`)
      ? await openedJournal(join(dir, `${file}.journal`), name, cipher)
      : "";
    const snapshot = cipher.open(name, await readFile(join(dir, file))).plaintext.toString("utf8");
    documents[file] = journal === "" ? snapshot : `${snapshot}\n${journal}`;
  }
  return documents;
}

/** The identity map of `dir`, decrypted with `cipher`: pseudonym to address. */
export async function identityMapOf(dir: string, cipher: DocumentCipher): Promise<Record<string, string>> {
  const { "identities.json": identities } = await decryptedDocuments(dir, cipher);
  return (JSON.parse(identities ?? '{"identities":{}}') as { identities: Record<string, string> }).identities;
}
