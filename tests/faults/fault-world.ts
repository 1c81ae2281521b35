// A world for one fault test: a fresh data directory and key, a config of canary people, and the fake Slack Web API.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import type { Store } from "../../src/core/store.js";
import { openFileStore } from "../../src/store/file-store.js";
import { FakeSlackApi } from "../platforms/slack/fake-slack-api.js";
import { signingSecret } from "../platforms/slack/slack-requests.js";
import { cipherOf, hashFiles, newKey } from "../store/encryption-helpers.js";
import { makeTempDir } from "../support/temp-dirs.js";
import { BotProcess } from "./bot-process.js";
import { canaryMemberId, canaryPeople } from "./canaries.js";

/** The id of the fault suite's group. */
export const faultGroup = "fault-tue";

/** The hash of every file in a data directory but the lock file (it names the running process). */
export async function documentHashes(dataDir: string): Promise<Record<string, string>> {
  const hashes = await hashFiles(dataDir);
  delete hashes["cohesion.lock"];
  return hashes;
}

/** When the group's first session starts, relative to now: the check-in is open, or the reminder is due. */
export type Moment = "checkin-open" | "reminder-due";

const minuteMs = 60_000;

/** A local date-time in UTC to the minute, as cohesion.yaml takes it. */
function localMinute(instant: number): string {
  return new Date(Math.floor(instant / minuteMs) * minuteMs).toISOString().slice(0, 16);
}

function firstSessionAt(moment: Moment): string {
  const now = Date.now();
  // Session 2 ended 45 minutes ago (its check-in is due, nothing else is), or session 1 is 23.5 hours away (its
  // reminder and the orientation are due).
  return localMinute(moment === "checkin-open" ? now - (7 * 24 * 60 + 60) * minuteMs : now + 23.5 * 60 * minuteMs);
}

/** Everything one fault test runs against; `close` ends every bot it started and the fake. */
export class FaultWorld {
  private readonly bots: BotProcess[] = [];
  readonly key = newKey();

  private constructor(
    readonly dir: string,
    readonly fake: FakeSlackApi,
    readonly members: readonly string[],
  ) {}

  /** A world whose group has `members` canary members on Slack, at `moment` of its first session. */
  static async create(options: { members: number; moment: Moment }): Promise<FaultWorld> {
    const dir = await makeTempDir();
    const members = Array.from({ length: options.members }, (_, i) => canaryMemberId(i + 1));
    const slack = (id: string) => `slack:${id}`;
    const config = {
      organisation: { name: "Fault suite clinic", safety: { onCall: [slack(canaryPeople.onCall)] } },
      groups: [
        {
          id: faultGroup,
          name: "Fault suite group",
          program: "generic",
          timezone: "Etc/UTC",
          schedule: { firstSession: firstSessionAt(options.moment), every: "1 week", durationMinutes: 15 },
          location: "Room 1",
          careTeamChannel: slack(canaryPeople.careTeam),
          leads: canaryPeople.leads.map(slack),
          members: members.map(slack),
        },
      ],
    };
    await writeFile(join(dir, "cohesion.yaml"), stringify(config));
    const fake = await FakeSlackApi.start();
    // The real bot runs on real time, so its history checks look for messages stamped now.
    fake.clock = () => new Date();
    return new FaultWorld(dir, fake, members);
  }

  /** Where the bot keeps its data. */
  get dataDir(): string {
    return join(this.dir, "data");
  }

  /** The environment the bot runs with: production, encrypted, Slack over HTTP against the fake. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      COHESION_CONFIG: join(this.dir, "cohesion.yaml"),
      DATA_DIR: this.dataDir,
      DATA_ENCRYPTION_KEY: this.key.toString("base64"),
      PORT: "0",
      LOG_LEVEL: "info",
      SLACK_BOT_TOKEN: "xoxb-fault-suite-token",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: this.fake.apiUrl,
      ...extra,
    };
  }

  /** Starts the real bot on this world and waits until it is running. */
  async start(extra: Record<string, string> = {}): Promise<BotProcess> {
    const bot = BotProcess.spawn(this.env(extra));
    this.bots.push(bot);
    await bot.ready();
    return bot;
  }

  /** Spawns the bot without waiting for it (for start-ups that must fail). */
  spawn(extra: Record<string, string> = {}): BotProcess {
    const bot = BotProcess.spawn(this.env(extra));
    this.bots.push(bot);
    return bot;
  }

  /** Every log line and stderr of every bot started in this world. */
  get allOutput(): string {
    return this.bots.map((bot) => bot.output).join("\n");
  }

  /** Opens the data directory with the project's own store and the key (only while no bot runs), then closes it. */
  async withStore<T>(read: (store: Store) => Promise<T>): Promise<T> {
    const store = await openFileStore(this.dataDir, { cipher: cipherOf(this.key) });
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.bots.map((bot) => bot.kill()));
    await this.fake.close();
  }
}
