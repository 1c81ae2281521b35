// Writes the schema-1 data set of tests/store/fixtures/schema-1 with the code of the day: `npx tsx
// tests/support/make-schema-1-data-set.ts [outDir]`. `encrypted/` is a data directory encrypted with schema1Key (so
// with pseudonyms and identities.json), `plain/` one written with DATA_ENCRYPTION=off; manifest.json holds what each
// group holds, counted from the store as it was written. The committed data set must stay as the schema-1 code wrote
// it (commit 543db0d): run this again only to read how it was made, or into another directory.
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DocumentCipher } from "../../src/store/document-cipher.js";
import { openFileStore } from "../../src/store/file-store.js";
import { schemaVersion } from "../../src/core/state.js";
import { countsOf, playSchema1Story, type RecordCounts } from "./schema-1-story.js";
import { schema1Groups, schema1Key } from "./schema-1-data-set.js";

async function write(dir: string, cipher?: DocumentCipher): Promise<Record<string, RecordCounts>> {
  await rm(dir, { recursive: true, force: true });
  const store = await openFileStore(dir, { cipher });
  try {
    await playSchema1Story(store);
    const counts: Record<string, RecordCounts> = {};
    for (const groupId of schema1Groups) counts[groupId] = countsOf(await store.readGroup(groupId));
    return counts;
  } finally {
    await store.close();
  }
}

const outDir = process.argv[2] ?? join(import.meta.dirname, "../store/fixtures/schema-1");
const encrypted = await write(join(outDir, "encrypted"), new DocumentCipher(schema1Key));
const plain = await write(join(outDir, "plain"));
if (JSON.stringify(encrypted) !== JSON.stringify(plain))
  throw new Error("The encrypted and plain data sets hold different counts.");
const manifest = { schemaVersion, writtenBy: "tests/support/make-schema-1-data-set.ts", groups: encrypted };
await writeFile(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(manifest.groups)}\n`);
