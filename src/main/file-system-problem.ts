import { StartupError } from "../kernel/errors.js";

const causes: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  EIO: "a disk input/output error",
};

/** A file-system error (a full disk, a read-only mount, missing permissions) as a start-up message naming the file; undefined for anything else. */
export function fileSystemProblem(error: unknown): StartupError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path } = error as NodeJS.ErrnoException;
  const cause = code === undefined ? undefined : causes[code];
  if (cause === undefined) return undefined;
  const where = path === undefined ? "the data directory" : path;
  return new StartupError(
    `Cohesion could not write or read ${where}: ${cause} (${code}). Fix that, then start Cohesion again; the stored documents are as they were.`,
  );
}
