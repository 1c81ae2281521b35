import { randomBytes } from "node:crypto";
import type { Address } from "../../../kernel/address.js";
import type { FileBlock } from "../../../kernel/message.js";
import type { Clock } from "../../../kernel/ports.js";

/** A file waiting for its recipient to accept it (Teams' file consent flow for personal chats). */
export interface PendingFile {
  readonly recipient: Address;
  readonly block: FileBlock;
  readonly expiresAt: number;
}

const keepHours = 24;
const maxPending = 200;

/**
 * Files offered but not yet accepted, held in memory only: an export is sensitive, so it is never
 * written to disk, and after a restart or a day the person is asked to request it again.
 */
export function createPendingFiles(clock: Clock) {
  const files = new Map<string, PendingFile>();

  function prune(): void {
    const now = clock.now().getTime();
    for (const [id, file] of files) if (file.expiresAt <= now) files.delete(id);
    while (files.size >= maxPending) files.delete(files.keys().next().value as string);
  }

  return {
    /** Holds a file for a recipient; returns the opaque id its consent card carries. */
    offer(recipient: Address, block: FileBlock): string {
      prune();
      const id = randomBytes(12).toString("hex");
      files.set(id, { recipient, block, expiresAt: clock.now().getTime() + keepHours * 3_600_000 });
      return id;
    },
    /** The file behind a consent card, if it is still held. */
    find(id: string): PendingFile | undefined {
      prune();
      return files.get(id);
    },
    /** Drops a file once it was uploaded or declined. */
    settle(id: string): void {
      files.delete(id);
    },
  };
}

/** The pending files created by createPendingFiles. */
export type PendingFiles = ReturnType<typeof createPendingFiles>;
