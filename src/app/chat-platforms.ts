import type { ChatPlatformFactory } from "./chat-platform.js";

/** The chat platforms this build can run, by name. */
export const chatPlatformFactories: Partial<Record<"slack" | "teams", ChatPlatformFactory>> = {};
