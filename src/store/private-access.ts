import { chmod } from "node:fs/promises";

/** Documents, their temporary files and the lock file are readable and writable by Cohesion's user only. */
export const privateFileMode = 0o600;

/** The data directory and its folders are open to Cohesion's user only. */
export const privateDirectoryMode = 0o700;

/** Gives `directories` and `files`, which exist, the private modes (as left by an earlier version, they may be wider). */
export async function restrictAccess(directories: readonly string[], files: readonly string[]): Promise<void> {
  await Promise.all([
    ...directories.map((directory) => restrict(directory, privateDirectoryMode)),
    ...files.map((file) => restrict(file, privateFileMode)),
  ]);
}

async function restrict(path: string, mode: number): Promise<void> {
  try {
    await chmod(path, mode);
  } catch (error) {
    // A directory mounted for Cohesion may belong to another user, who chose its mode; Cohesion can still use it.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") throw error;
  }
}
