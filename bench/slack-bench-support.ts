// What the Slack benchmarks share: Cohesion started for real on Slack over HTTP on 127.0.0.1 (startChat, Bolt's
// receiver) for the demo group with as many members as a run asks, and its real stores, encrypted.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Clock, Logger } from "../src/kernel/ports.js";
import type { Store } from "../src/core/store.js";
import { toAddress } from "../src/kernel/address.js";
import { readEnv } from "../src/main/config.js";
import { startChat, type RunningChat } from "../src/main/run-chat.js";
import { slackPlatformFactory, type SlackTuning } from "../src/platforms/slack/slack-platform.js";
import { DocumentCipher } from "../src/store/document-cipher.js";
import { openFileStore } from "../src/store/file-store.js";
import { openPostgresStore } from "../src/store/postgres/postgres-store.js";
import { exampleContent } from "../tests/support/example-setup.js";
import { painTueConfig } from "../tests/support/outbox-helpers.js";
import { signingSecret } from "../tests/platforms/slack/slack-requests.js";

/** The PostgreSQL database the benchmarks use when it can be reached: DATABASE_URL, else the local test database. */
export const databaseUrl = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

/** The Slack user id of the n-th benchmark member (n from 1). */
export function memberId(n: number): string {
  return `U0BENCH${String(n).padStart(5, "0")}`;
}

/** A logger that keeps only how often each code was logged (never a field's value). */
export class CountingLogger implements Logger {
  readonly codes = new Map<string, number>();
  info(fields: Record<string, unknown>, message: string): void {
    this.count(fields, message);
  }
  warn(fields: Record<string, unknown>, message: string): void {
    this.count(fields, message);
  }
  error(fields: Record<string, unknown>, message: string): void {
    this.count(fields, message);
  }
  private count(fields: Record<string, unknown>, message: string): void {
    const code = typeof fields["code"] === "string" ? fields["code"] : message;
    this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
  }
}

/** A store to run Cohesion on, and how to close and remove it. */
export interface BenchStore {
  readonly name: string;
  readonly store: Store;
  dispose(): Promise<void>;
}

/** The file store, encrypted with a fresh key, in a fresh temporary data directory. */
export async function encryptedFileStore(): Promise<BenchStore> {
  const dir = await mkdtemp(join(tmpdir(), "cohesion-bench-"));
  const store = await openFileStore(dir, { cipher: new DocumentCipher(randomBytes(32)) });
  return {
    name: "encrypted file store",
    store,
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL store, encrypted with a fresh key, in a fresh schema; or why PostgreSQL cannot be reached. */
export async function encryptedPostgresStore(): Promise<BenchStore | string> {
  const schema = `cohesion_bench_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    return `PostgreSQL at ${databaseUrl} cannot be reached (${(error as { code?: string }).code ?? "no answer"})`;
  }
  const store = await openPostgresStore(databaseUrl, { schema, cipher: new DocumentCipher(randomBytes(32)) }).catch(
    async (error: unknown) => {
      await client.end();
      throw error;
    },
  );
  return {
    name: "encrypted PostgreSQL store",
    store,
    async dispose() {
      await store.close();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** Starts Cohesion on Slack over HTTP on 127.0.0.1 for the demo group with `members` members on Slack. */
export function startCohesionOnSlack(options: {
  store: Store;
  clock: Clock;
  logger: Logger;
  apiUrl: string;
  tuning: SlackTuning;
  members: number;
}): Promise<RunningChat> {
  const slack = (id: string) => toAddress(`slack:${id}`);
  const config = painTueConfig((group) => ({
    ...group,
    careTeamChannel: slack("C0BENCHCARE"),
    leads: group.leads.map((_, i) => slack(`U0BENCHLEAD${i + 1}`)),
    members: Array.from({ length: options.members }, (_, i) => slack(memberId(i + 1))),
  }));
  const env = readEnv({
    SLACK_BOT_TOKEN: "xoxb-bench-token",
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: options.apiUrl,
    PORT: "0",
  });
  return startChat({
    env,
    setup: { config, content: exampleContent, file: "cohesion.yaml" },
    store: options.store,
    clock: options.clock,
    logger: options.logger,
    host: "127.0.0.1",
    wakeEveryMinute: false,
    factories: { slack: slackPlatformFactory(options.tuning) },
  });
}
