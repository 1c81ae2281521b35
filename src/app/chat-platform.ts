import type { Router } from "express";
import type { Clock, Logger, Messenger } from "../kernel/ports.js";
import type { Store } from "../core/store.js";
import type { Cohesion } from "./cohesion.js";
import type { Env } from "./settings.js";
import type { Setup } from "./setup.js";

/** A platform's state as GET /healthz shows it: whether it can carry messages now, and a code (never an id or secret). */
export interface PlatformHealth {
  readonly ok: boolean;
  readonly detail: string;
}

/** A chat platform carrying Cohesion beside the others in one process (Slack, Teams). */
export interface ChatPlatform {
  readonly name: "slack" | "teams";
  /** Sends on this platform; usable once created, before `start`. */
  readonly messenger: Messenger;
  /** Whether the HTTP server must listen on 127.0.0.1 only (an unauthenticated local Teams bot). */
  readonly loopbackOnly: boolean;
  /** Starts receiving, handing every inbound interaction to `bot`; HTTP platforms add their routes to `router`. */
  start(bot: Cohesion, router: Router): Promise<void>;
  /** Its state from what it last saw; quick, never waiting on the network. */
  health(): PlatformHealth;
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
