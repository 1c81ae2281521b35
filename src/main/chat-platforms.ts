import { createSlackPlatform } from "../platforms/slack/slack-platform.js";
import { createTeamsPlatform } from "../platforms/teams/teams-platform.js";
import type { ChatPlatformFactory } from "../app/chat-platform.js";

/** The chat platforms this build can run, by name. */
export const chatPlatformFactories: Partial<Record<"slack" | "teams", ChatPlatformFactory>> = {
  slack: createSlackPlatform,
  teams: createTeamsPlatform,
};
