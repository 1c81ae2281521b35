// Recording one pulse answer through the real interactions and the store, encrypted, as ratios measured side by side
// in one run: a group with 1 vs 52 sessions of history, and an organisation with 1 vs 500 groups, on the file store and
// on PostgreSQL. Run with `npm run bench:record` (or `npm run bench`, which runs every benchmark).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promptIdFor } from "../src/core/answers/index.js";
import { answerKey } from "../src/core/state.js";
import type { Store } from "../src/core/store.js";
import { DocumentCipher } from "../src/store/document-cipher.js";
import { openFileStore } from "../src/store/file-store.js";
import { openPostgresStore } from "../src/store/postgres/postgres-store.js";
import { scaleMembers, scaleWorld, onlyGroup, staysSilent } from "./scale-history.js";
import { dropSchema, postgresProblem } from "./postgres-support.js";
import { scaleGroup } from "./scale-measure.js";

const runs = Number(process.env["BENCH_RUNS"] ?? 31);
const databaseUrl = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
const largeOrganisation = 500;

/** A store opened for one measurement, and how to close it and remove what it wrote. */
interface OpenedStore {
  readonly store: Store;
  dispose(): Promise<void>;
}

const cipher = () => new DocumentCipher(randomBytes(32));

async function fileStore(): Promise<OpenedStore> {
  const dir = await mkdtemp(join(tmpdir(), "cohesion-bench-"));
  const store = await openFileStore(dir, { cipher: cipher() });
  return { store, dispose: async () => (await store.close(), await rm(dir, { recursive: true, force: true })) };
}

async function postgresStore(): Promise<OpenedStore> {
  const schema = `cohesion_bench_${randomBytes(6).toString("hex")}`;
  const store = await openPostgresStore(databaseUrl, { schema, cipher: cipher() });
  return {
    store,
    dispose: async () => {
      await store.close();
      await dropSchema(databaseUrl, schema);
    },
  };
}

/** One member about to answer, again and again, the latest check-in of a group in an opened store. */
interface Answering {
  /** Records one pulse answer (a different value each time) and resolves with the ms it took. */
  answer(): Promise<number>;
  dispose(): Promise<void>;
}

/**
 * A group with `sessions` sessions of history in a store holding `groups` groups (the others copies of its history),
 * with one member who has not answered its latest check-in yet.
 */
async function answering(open: () => Promise<OpenedStore>, sessions: number, groups: number): Promise<Answering> {
  const { store, dispose } = await open();
  const { world, state } = await scaleGroup(sessions, "answering", scaleWorld(sessions + 1, new Date(0), store));
  const group = onlyGroup(world);
  await store.updateGroup(group.id, (draft) => Object.assign(draft, state));
  for (let index = 1; index < groups; index += 1) {
    const groupId = `copy-${index}`;
    await store.updateGroup(groupId, (draft) => Object.assign(draft, { ...state, groupId }));
  }
  const member = scaleMembers.find((_, index) => staysSilent(index, sessions));
  if (!member) throw new Error("no member who has not answered");
  const promptId = promptIdFor(group.id, `checkin:${group.id}:${sessions}:${member}`);
  let value = 3;
  return {
    answer: async () => {
      value = 7 - value;
      const began = performance.now();
      const outcome = await world.interactions.handle({
        type: "choice",
        from: member,
        promptId,
        itemId: "pulse-1",
        value,
      });
      const ms = performance.now() - began;
      const stored = (await store.readGroup(group.id)).answers[answerKey(member, sessions, "pulse", "pulse-1")];
      if (!("reply" in outcome) || stored?.value !== value) throw new Error("the answer was not stored");
      return ms;
    },
    dispose,
  };
}

/** The median ms of an answer in each of `pair`, taking turns (both meet the same disk and load), after a warm-up. */
async function sideBySide(pair: readonly [Answering, Answering]): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let run = 0; run <= runs; run += 1)
    for (const [index, side] of pair.entries()) {
      const ms = await side.answer();
      if (run > 0) times[index as 0 | 1].push(ms);
    }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return [median(times[0]), median(times[1])];
}

const stores: { name: string; open: () => Promise<OpenedStore> }[] = [{ name: "file store", open: fileStore }];
const problem = await postgresProblem(databaseUrl);
if (problem === undefined) stores.push({ name: "PostgreSQL", open: postgresStore });
const header = ["store", "measure", "smaller", "ms", "larger", "ms", "ratio", "target"];
process.stdout.write(
  `Node ${process.version}, median of ${runs} answers to each, taking turns, after one warm-up; encrypted\n`,
);
if (problem !== undefined)
  process.stdout.write(`PostgreSQL at ${databaseUrl} cannot be reached (${problem}): its rows are skipped\n`);
process.stdout.write(`\n| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n`);
for (const { name, open } of stores) {
  const pairs = [
    { measure: "a group's history", smaller: "1 session", larger: "52 sessions", a: [1, 1], b: [52, 1] },
    {
      measure: "groups in the organisation (1 session each)",
      smaller: "1 group",
      larger: `${largeOrganisation} groups`,
      a: [1, 1],
      b: [1, largeOrganisation],
    },
  ] as const;
  for (const { measure, smaller, larger, a, b } of pairs) {
    const pair = [await answering(open, a[0], a[1]), await answering(open, b[0], b[1])] as const;
    try {
      const [small, large] = await sideBySide(pair);
      const cells = [name, measure, smaller, small.toFixed(2), larger, large.toFixed(2)];
      process.stdout.write(`| ${[...cells, `${(large / small).toFixed(2)}x`, "<= 1.5x"].join(" | ")} |\n`);
    } finally {
      await Promise.all(pair.map((side) => side.dispose()));
    }
  }
}
