import type { Router } from "express";
import type { Clock, Logger, Messenger } from "../kernel/ports.js";
import type { Store } from "../core/store.js";
import type { Cohesion } from "./cohesion.js";
import type { Env } from "./settings.js";
import type { Setup } from "./setup.js";

/** A chat platform carrying Cohesion beside the others in one process (Slack, Teams). */
export interface ChatPlatform {
  readonly name: "slack" | "teams";
  /** Sends on this platform; usable once created, before `start`. */
  readonly messenger: Messenger;
  /** Whether it receives over the shared HTTP server (Slack's Socket Mode does not). */
  readonly usesHttp: boolean;
  /** Whether the HTTP server must listen on 127.0.0.1 only (an unauthenticated local Teams bot). */
  readonly loopbackOnly: boolean;
  /** Starts receiving, handing every inbound interaction to `bot`; HTTP platforms add their routes to `router`. */
  start(bot: Cohesion, router: Router): Promise<void>;
  /** Stops receiving and drains what it was sending. */
  stop(): Promise<void>;
}

/** What every platform may use besides the environment. */
export interface PlatformDependencies {
  readonly setup: Setup;
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Creates a platform from the validated environment; throws StartupError for unusable settings. */
export type ChatPlatformFactory = (env: Env, dependencies: PlatformDependencies) => ChatPlatform;
