import { describe, expect, it } from "vitest";
import { fileSystemProblem } from "../../src/main/file-system-problem.js";

function systemError(code: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed`), { code, ...(path ? { path } : {}) });
}

describe("a file-system failure at start-up", () => {
  it("says the disk is full and names the file, without a stack trace", () => {
    const problem = fileSystemProblem(systemError("ENOSPC", "/data/cohesion.lock"));
    expect(problem?.message).toBe(
      "Cohesion could not write or read /data/cohesion.lock: the disk is full (ENOSPC). Fix that, then start Cohesion again; the stored documents are as they were.",
    );
  });

  it("names a read-only or forbidden data directory in plain words", () => {
    expect(fileSystemProblem(systemError("EROFS"))?.message).toContain(
      "the data directory: the file system is read-only",
    );
    expect(fileSystemProblem(systemError("EACCES", "/data"))?.message).toContain("/data: permission denied (EACCES)");
  });

  it("leaves any other error to be reported as the bug it is", () => {
    expect(fileSystemProblem(new TypeError("undefined is not a function"))).toBeUndefined();
    expect(fileSystemProblem(systemError("ECONNRESET"))).toBeUndefined();
    expect(fileSystemProblem("ENOSPC")).toBeUndefined();
  });
});
