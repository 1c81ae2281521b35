import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export { makeTempDir, removeTempDirs } from "../support/temp-dirs.js";

/** Starts a fixture script from tests/store/fixtures under tsx, with piped output. */
export function spawnFixture(name: string, args: string[]): ChildProcess {
  const script = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  return spawn(process.execPath, ["--import", "tsx", script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

/** Resolves with the exit code and output of a child once it has exited. */
export function finished(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The pid of a process that has already exited, for writing a stale lock. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await finished(child);
  if (child.pid === undefined) throw new Error("the short-lived process did not start");
  return child.pid;
}
