import type { ChatPlatform, ChatPlatformFactory } from "../../../src/app/chat-platform.js";
import { readEnv } from "../../../src/main/config.js";
import { startChat, type RunningChat } from "../../../src/main/run-chat.js";
import { toAddress } from "../../../src/kernel/address.js";
import { createTeamsPlatformWith, type TeamsPlatformOptions } from "../../../src/platforms/teams/teams-platform.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import type { CohesionConfig, Group } from "../../../src/core/setup/index.js";
import { exampleConfig, exampleContent } from "../../support/example-setup.js";
import { ManualClock, RecordingLogger, RecordingMessenger } from "../../support/fakes.js";
import { careChannel, people, teamsAddress, type Person } from "./activities.js";
import { FakeBotConnector } from "./fake-bot-connector.js";

/** Cohesion on Teams over HTTP on 127.0.0.1, its fake Bot Connector, and the pieces tests look at. */
export interface TeamsHarness {
  readonly chat: RunningChat;
  readonly connector: FakeBotConnector;
  readonly clock: ManualClock;
  readonly logger: RecordingLogger;
  readonly store: MemoryStore;
  /** What a care team on Slack received (a mixed-platform group). */
  readonly slack: RecordingMessenger;
  /** How long the Teams side waited between tries and for rate limits, in milliseconds. */
  readonly waits: number[];
  /** Posts an activity to POST /api/messages as Teams would. */
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** Moves the clock and runs one outbox sweep. */
  sweepAt(instant: string): Promise<void>;
  stop(): Promise<void>;
}

/** A platform standing in for Slack, recording what it was asked to send. */
function recordingSlack(messenger: RecordingMessenger): ChatPlatformFactory {
  return (): ChatPlatform => ({
    name: "slack",
    messenger,
    loopbackOnly: false,
    health: () => ({ ok: true, detail: "stand-in" }),
    start: async () => undefined,
    stop: async () => undefined,
  });
}

/** Starts the pain-tue group with its members and leads on Teams, and its care team on Teams or (a stand-in) Slack. */
export async function startTeams(
  options: {
    careTeamOn?: "teams" | "slack";
    now?: string;
    /** The store to start on (a restart keeps it); a new one otherwise. */
    store?: MemoryStore;
    platform?: TeamsPlatformOptions;
    env?: Record<string, string>;
    /** Changes the organisation's settings (timing...) before Cohesion starts. */
    organisation?: (organisation: CohesionConfig["organisation"]) => CohesionConfig["organisation"];
    /** Changes the group's settings (its check-in instruments...) before Cohesion starts. */
    group?: (group: Group) => Group;
  } = {},
): Promise<TeamsHarness> {
  const connector = new FakeBotConnector();
  await connector.start();
  const waits: number[] = [];
  const slack = new RecordingMessenger();
  const careTeamOn = options.careTeamOn ?? "teams";
  const config = exampleConfig((c) => ({
    organisation: options.organisation?.(c.organisation) ?? c.organisation,
    groups: c.groups
      .filter((g) => g.id === "pain-tue")
      .map((g) => ({
        ...g,
        careTeamChannel: toAddress(careTeamOn === "teams" ? `teams:${careChannel}` : "slack:C0CARETEAM"),
        leads: (["okafor", "sam"] as Person[]).map((p) => toAddress(teamsAddress(p))),
        members: (Object.keys(people) as Person[])
          .filter((p) => p !== "okafor" && p !== "sam")
          .map((p) => toAddress(teamsAddress(p))),
      }))
      .map(options.group ?? ((g) => g)),
  }));
  const clock = new ManualClock(new Date(options.now ?? "2026-11-27T18:00:00Z"));
  const logger = new RecordingLogger();
  const store = options.store ?? new MemoryStore();
  // Time on the Teams side moves only when it waits, so pacing and backoff cost the tests nothing.
  let elapsed = 0;
  const timer = {
    now: () => elapsed,
    sleep: async (ms: number) => {
      waits.push(ms);
      elapsed += ms;
    },
  };
  const chat = await startChat({
    // Slack credentials make startChat run the Slack stand-in beside Teams.
    env: readEnv(
      options.env ?? {
        TEAMS_ALLOW_UNAUTHENTICATED: "true",
        PORT: "0",
        ...(careTeamOn === "slack"
          ? {
              SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-testtokentesttoken",
              SLACK_APP_TOKEN: "xapp-1-A0123456789-1234567890-testtoken",
            }
          : {}),
      },
    ),
    setup: { config, content: exampleContent, file: "cohesion.yaml" },
    store,
    clock,
    logger,
    host: "127.0.0.1",
    wakeEveryMinute: false,
    factories: {
      teams: createTeamsPlatformWith({ timer, random: () => 0.5, ...options.platform }),
      slack: recordingSlack(slack),
    },
  });
  return {
    chat,
    connector,
    clock,
    logger,
    store,
    slack,
    waits,
    async post(activity, headers = {}) {
      const response = await fetch(`${chat.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(activity),
      });
      const json = response.headers.get("content-type")?.includes("application/json") ?? false;
      return { status: response.status, body: json ? ((await response.json()) as unknown) : await response.text() };
    },
    async sweepAt(instant) {
      clock.set(instant);
      await chat.sweep();
    },
    async stop() {
      await chat.stop();
      await connector.stop();
    },
  };
}
