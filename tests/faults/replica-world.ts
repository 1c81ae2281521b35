// Several real Cohesion replicas on one fresh PostgreSQL schema, each talking to the fake Slack through its own proxy.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import type { Store } from "../../src/core/store.js";
import type { GroupState } from "../../src/core/state.js";
import { openPostgresStore } from "../../src/store/postgres/postgres-store.js";
import { cipherOf } from "../store/encryption-helpers.js";
import { databaseUrl, freshSchema } from "../store/postgres/postgres-helpers.js";
import type { BotProcess } from "./bot-process.js";
import { FaultWorld, faultGroup } from "./fault-world.js";
import { HoldingProxy, type HoldPlan } from "./holding-proxy.js";

const minuteMs = 60_000;
// The check-in goes out 10 minutes after a session ends (cohesion.yaml's default); sessions last 15 minutes.
const checkinAfterStartMs = 25 * minuteMs;

/** `url` with `schema` as the connection's search path (PostgreSQL's `options` connection parameter). */
export function withSearchPath(url: string, schema: string): string {
  const withOptions = new URL(url);
  withOptions.searchParams.set("options", `-c search_path=${schema}`);
  return withOptions.toString();
}

/** A replica: the real bot, and the proxy its Slack calls go through. */
export interface Replica {
  readonly bot: BotProcess;
  readonly proxy: HoldingProxy;
}

/** A fault world whose group's second check-in falls due at `dueAt`, on PostgreSQL, read by a store of the test's own. */
export class ReplicaWorld {
  private readonly proxies: HoldingProxy[] = [];

  private constructor(
    readonly faults: FaultWorld,
    readonly databaseUrl: string,
    readonly reader: Store,
    readonly dueAt: Date,
  ) {}

  /**
   * A world of `members` members whose check-in fan-out falls due at the first whole minute at least `leadMs` from now,
   * so that replicas started meanwhile all sweep it at once; the schema is created (and migrated) before any starts.
   */
  static async create(options: { members: number; leadMs: number }): Promise<ReplicaWorld> {
    const faults = await FaultWorld.create({ members: options.members, moment: "checkin-open" });
    const dueAt = new Date(Math.ceil((Date.now() + options.leadMs) / minuteMs) * minuteMs);
    const configFile = join(faults.dir, "cohesion.yaml");
    const config = parse(await readFile(configFile, "utf8")) as {
      organisation: { timing?: Record<string, number> };
      groups: { schedule: { firstSession: string } }[];
    };
    const firstSession = new Date(dueAt.getTime() - checkinAfterStartMs - 7 * 24 * 60 * minuteMs);
    for (const group of config.groups) group.schedule.firstSession = firstSession.toISOString().slice(0, 16);
    // The shortest lease, so that a killed replica's claims are taken over within the test's budget (the default is 10).
    config.organisation.timing = { ...config.organisation.timing, claimLeaseMinutes: 1 };
    await writeFile(configFile, stringify(config));
    const schema = freshSchema();
    const reader = await openPostgresStore(databaseUrl, { schema, cipher: cipherOf(faults.key) });
    return new ReplicaWorld(faults, withSearchPath(databaseUrl, schema), reader, dueAt);
  }

  /** Starts `count` replicas at once, each behind a proxy following `plan`, and waits until all are running. */
  async startReplicas(count: number, plan: HoldPlan): Promise<Replica[]> {
    return Promise.all(Array.from({ length: count }, () => this.startReplica(plan)));
  }

  /** Starts one more replica on the same database, with `extra` in its environment. */
  async startReplica(plan: HoldPlan, extra: Record<string, string> = {}): Promise<Replica> {
    const proxy = await HoldingProxy.start(this.faults.fake.url, plan);
    this.proxies.push(proxy);
    const bot = await this.faults.start({ DATABASE_URL: this.databaseUrl, SLACK_API_URL: proxy.apiUrl, ...extra });
    return { bot, proxy };
  }

  /** The group's document as the replicas last wrote it. */
  group(): Promise<Readonly<GroupState>> {
    return this.reader.readGroup(faultGroup);
  }

  async close(): Promise<void> {
    await this.faults.close();
    await Promise.all(this.proxies.map((proxy) => proxy.close()));
    await this.reader.close();
  }
}
