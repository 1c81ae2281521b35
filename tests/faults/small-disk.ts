// A size-limited file system (tmpfs) for the full-disk case; mounting one needs root, so callers skip without it.
import { execFile } from "node:child_process";
import { mkdir, open } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Mounts a tmpfs of `kilobytes` at `dir`; false when this machine does not allow it (not root, no mount). */
export async function mountSmallDisk(dir: string, kilobytes: number): Promise<boolean> {
  await mkdir(dir, { recursive: true });
  try {
    await run("mount", ["-t", "tmpfs", "-o", `size=${kilobytes}k,mode=700`, "tmpfs", dir]);
    return true;
  } catch {
    return false;
  }
}

/** Unmounts what mountSmallDisk mounted. */
export async function unmountSmallDisk(dir: string): Promise<void> {
  await run("umount", [dir]);
}

/** Fills the file system holding `dir` with one file until the next write fails with ENOSPC. */
export async function fillDisk(dir: string): Promise<void> {
  const file = await open(join(dir, "filler"), "w");
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) await file.write(block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    await file.close();
  }
}
