// The real Cohesion started as a child process (`npm start`'s entry point, NODE_ENV=production), its logs captured.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { vi } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** How a child process ended. */
export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** One run of the real bot: its output so far, its base URL once ready, and ways to end it. */
export class BotProcess {
  stdout = "";
  stderr = "";
  url = "";
  readonly exited: Promise<Exit>;
  private ended = false;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on("data", (chunk: Buffer) => (this.stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) =>
      child.on("close", (code, signal) => {
        this.ended = true;
        resolve({ code, signal });
      }),
    );
  }

  /** Spawns `src/main/main.ts` under tsx with exactly `env` (plus PATH and NODE_ENV=production). */
  static spawn(env: Record<string, string>): BotProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main/main.ts"], {
      cwd: root,
      env: { PATH: process.env["PATH"], ...env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return new BotProcess(child);
  }

  /** Waits until it logs that it is running (its HTTP server is then listening), and notes its URL. */
  async ready(): Promise<void> {
    await this.untilLogged("Cohesion is running", 240_000);
    const running = this.logLines().find((line) => line["msg"] === "Cohesion is running");
    // It listens on every interface; the tests talk to it over IPv4 loopback only.
    this.url = String(running?.["url"]).replace("localhost", "127.0.0.1");
  }

  /** Whether the process is still running. */
  get alive(): boolean {
    return !this.ended;
  }

  /** Its process id. */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Everything it wrote, stdout then stderr. */
  get output(): string {
    return this.stdout + this.stderr;
  }

  /** Its structured (pino) log lines. */
  logLines(): Record<string, unknown>[] {
    return this.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** Waits until a log line with this message appears; fails early, with its output, if the process ends first. */
  async untilLogged(message: string, timeout = 120_000): Promise<void> {
    await vi.waitFor(
      () => {
        if (this.logLines().some((line) => line["msg"] === message)) return;
        if (this.ended) throw new Error(`Cohesion ended before logging "${message}":\n${this.output}`);
        throw new Error(`not logged yet: ${message}`);
      },
      { timeout, interval: 20 },
    );
  }

  /** kill -9: no chance to finish anything. */
  async kill(): Promise<Exit> {
    if (this.alive) this.child.kill("SIGKILL");
    return this.exited;
  }

  /** SIGTERM, as a service manager stops it; resolves once it has exited. */
  async stop(): Promise<Exit> {
    if (this.alive) this.child.kill("SIGTERM");
    return this.exited;
  }

  /** Its resident set size in bytes, read from /proc. */
  async rssBytes(): Promise<number> {
    const status = await readFile(`/proc/${this.pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    if (kb === undefined) throw new Error("no VmRSS in /proc status");
    return Number(kb) * 1024;
  }
}
