// The Slack workspace the tests run against: people's user ids, the care team's channel, the group's
// configuration on Slack and timings scaled down for tests.
import { toAddress, type Address } from "../../../src/kernel/address.js";
import type { CohesionConfig } from "../../../src/core/setup/index.js";
import { slackTuning, type SlackTuning } from "../../../src/platforms/slack/slack-platform.js";
import { painTueConfig } from "../../support/outbox-helpers.js";

/** The Slack user id of a demo person ("ana" -> "U0ANA"). */
export function userId(name: string): string {
  return `U0${name.toUpperCase()}`;
}

/** The care team's Slack channel in the test configuration. */
export const careTeamChannel = "C0CARETEAM";

/** The demo pain-tue group with every person and the care team on Slack. */
export function slackConfig(): CohesionConfig {
  const onSlack = (address: Address) => toAddress(`slack:${userId(address.slice(address.indexOf(":") + 1))}`);
  return painTueConfig((group) => ({
    ...group,
    careTeamChannel: toAddress(`slack:${careTeamChannel}`),
    leads: group.leads.map(onSlack),
    members: group.members.map(onSlack),
  }));
}

/** Slack timings scaled down so a test's Retry-After second lasts 5 ms; commands and calls may take their time on a busy machine. */
export const fastTuning: SlackTuning = {
  ...slackTuning,
  commandAckMs: 60_000,
  pacing: { perChannelMs: 5, secondMs: 5, maxWaitSeconds: 30, maxRateLimitedAttempts: 5 },
  requestTimeoutMs: 30_000,
};
