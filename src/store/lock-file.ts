import { readFile, unlink, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { StartupError } from "../kernel/errors.js";
import { privateFileMode } from "./private-access.js";

const lockName = "cohesion.lock";
const heldHere = new Set<string>();

/** Proof that this process alone uses a data directory; release it when done. */
export interface DataDirLock {
  /** Removes the lock file so another process may use the directory. */
  release(): Promise<void>;
}

/** Takes `dataDir/cohesion.lock` for this process, replacing a lock left by a process that is gone. */
export async function acquireLock(dataDir: string): Promise<DataDirLock> {
  const file = resolve(dataDir, lockName);
  if (heldHere.has(file)) throw new StartupError(`${dataDir} is already open in this process.`);
  // Two attempts: the second follows removing a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: "wx", mode: privateFileMode });
      heldHere.add(file);
      return {
        release: async () => {
          heldHere.delete(file);
          await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        // The file may have been created before its pid could be written (a full disk): leave no empty lock behind.
        await unlink(file).catch(() => undefined);
        throw error;
      }
    }
    const owner = await lockOwner(file);
    if (owner !== undefined && isAlive(owner)) throw inUse(owner, dataDir);
    await unlink(file).catch(() => undefined);
  }
  throw new StartupError(`Could not take the lock ${file}: another process keeps creating it.`);
}

async function lockOwner(file: string): Promise<number | undefined> {
  const text = await readFile(file, "utf8").catch(() => "");
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  // After a container restart this process may have been given the pid of the one that left the lock.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function inUse(pid: number, dataDir: string): StartupError {
  return new StartupError(
    `Another Cohesion process (pid ${pid}) is using ${dataDir}. Stop it first, or set DATA_DIR to another directory.`,
  );
}
