import type { Patch } from "immer";
import { z } from "zod";

/** One update in a document's journal: its place after the snapshot, and the changes it made (immer patches). */
export interface JournalRecord {
  /** The digest of the snapshot file the journal follows, binding the record to it. */
  readonly snapshot: string;
  /** 1 for the first record after the snapshot, and one more for each after it. */
  readonly sequence: number;
  readonly patches: readonly Patch[];
}

const patchSchema = z.strictObject({
  op: z.enum(["add", "remove", "replace"]),
  path: z.array(z.union([z.string(), z.number().int().nonnegative()])),
  value: z.unknown().optional(),
});

/** A journal record as it must be read back. */
export const journalRecordSchema: z.ZodType<JournalRecord> = z.strictObject({
  snapshot: z.string().regex(/^[0-9a-f]{64}$/),
  sequence: z.number().int().positive(),
  patches: z.array(patchSchema),
});
