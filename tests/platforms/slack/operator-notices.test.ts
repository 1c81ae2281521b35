import { afterEach, describe, expect, it } from "vitest";
import { toAddress } from "../../../src/kernel/address.js";
import { SlackHarness } from "./slack-harness.js";
import { slackConfig } from "./slack-config.js";
import { at } from "../../support/outbox-helpers.js";
import { shownText } from "./slack-posts.js";

const operatorChannel = "DU0OPS";
let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
});

describe("the operators on Slack", () => {
  it("are told once when deliveries fail in bulk, and once when they have recovered", async () => {
    const config = slackConfig();
    slack = await SlackHarness.start({
      config: { ...config, organisation: { ...config.organisation, operators: [toAddress("slack:U0OPS")] } },
    });
    let slackRefuses = true;
    slack.fake.fail(
      "chat.postMessage",
      { error: "service_unavailable" },
      { times: 10_000, when: (args) => slackRefuses && args["channel"] !== operatorChannel },
    );
    const toOperator = () =>
      slack?.fake.callsOf("chat.postMessage").filter((call) => call.args["channel"] === operatorChannel) ?? [];

    await slack.sweepAt(at.reminder1Due);
    const report = slack.logger.lines.findLast((line) => line.message === "sweep")?.fields;
    expect(report?.["retrying"]).toBeGreaterThanOrEqual(10);
    await slack.chat.lookForTrouble();
    expect(toOperator()).toHaveLength(1);
    expect(shownText(toOperator()[0]!)).toContain(`${String(report?.["retrying"])} of`);
    expect(shownText(toOperator()[0]!)).toContain("deliveries-failing");

    slack.clock.advanceHours(1 / 60);
    await slack.chat.sweep();
    await slack.chat.lookForTrouble();
    expect(toOperator()).toHaveLength(1);

    slackRefuses = false;
    slack.clock.advanceHours(5 / 60);
    await slack.chat.sweep();
    await slack.chat.lookForTrouble();
    await slack.chat.lookForTrouble();
    expect(toOperator()).toHaveLength(2);
    expect(shownText(toOperator()[1]!)).toContain("deliveries recovered at 2026-11-30 18:06 UTC");
    const logged = JSON.stringify(slack.logger.lines);
    expect(logged).not.toMatch(/U0OPS|U0ANA|slack:/);
  });
});
