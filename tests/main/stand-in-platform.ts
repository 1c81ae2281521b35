// A chat platform standing in for Slack in tests of the running process: its health is set by the test.
import type { ChatPlatform, ChatPlatformFactory, PlatformHealth } from "../../src/app/chat-platform.js";
import type { CohesionConfig } from "../../src/core/setup/index.js";
import { toAddress } from "../../src/kernel/address.js";
import { readEnv } from "../../src/main/config.js";
import { startChat, type RunningChat } from "../../src/main/run-chat.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { exampleConfig, exampleContent } from "../support/example-setup.js";
import { ManualClock, RecordingLogger, RecordingMessenger } from "../support/fakes.js";

/** Cohesion running on the stand-in, and the pieces a test moves or looks at. */
export interface StandInRun {
  readonly chat: RunningChat;
  readonly clock: ManualClock;
  readonly logger: RecordingLogger;
  readonly messenger: RecordingMessenger;
  /** Sets what the platform reports as its health. */
  setHealth(health: PlatformHealth): void;
  /** GET /healthz: its status and JSON body. */
  healthz(): Promise<{ status: number; body: unknown }>;
  /** Moves the clock by `minutes`. */
  advanceMinutes(minutes: number): void;
}

/** The address of the organisation's operator in these tests. */
export const operator = toAddress("slack:U0OPERATOR");

/** Starts Cohesion on the stand-in over 127.0.0.1, with `operators` set in the organisation. */
export async function startOnStandIn(
  operators: readonly string[] = [operator],
  store: MemoryStore = new MemoryStore(),
): Promise<StandInRun> {
  let health: PlatformHealth = { ok: true, detail: "stand-in-up" };
  const messenger = new RecordingMessenger();
  const factory: ChatPlatformFactory = (): ChatPlatform => ({
    name: "slack",
    messenger,
    loopbackOnly: false,
    health: () => health,
    start: async () => undefined,
    stop: async () => undefined,
  });
  const config: CohesionConfig = exampleConfig((c) => ({
    ...c,
    organisation: { ...c.organisation, operators: operators.map(toAddress) },
  }));
  const clock = new ManualClock(new Date("2026-11-27T18:00:00Z"));
  const logger = new RecordingLogger();
  const chat = await startChat({
    env: readEnv({
      SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-testtokentesttoken",
      SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
      PORT: "0",
    }),
    setup: { config, content: exampleContent, file: "cohesion.yaml" },
    store,
    clock,
    logger,
    host: "127.0.0.1",
    wakeEveryMinute: false,
    factories: { slack: factory },
  });
  return {
    chat,
    clock,
    logger,
    messenger,
    setHealth: (next) => {
      health = next;
    },
    async healthz() {
      const response = await fetch(`${chat.url}/healthz`);
      return { status: response.status, body: (await response.json()) as unknown };
    },
    advanceMinutes: (minutes) => clock.advanceHours(minutes / 60),
  };
}
