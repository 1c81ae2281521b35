import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { groupFileName } from "./group-document.js";

/** The ids of the groups that have a document in the data directory `dataDir`, sorted. */
export async function fileGroupIds(dataDir: string): Promise<string[]> {
  const names = await readdir(join(dataDir, "groups"));
  return names.flatMap((name) => groupFileName.exec(name)?.[1] ?? []).sort();
}
