import { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { toDeliveryError } from "../../../src/platforms/slack/deliver/delivery-errors.js";
import { FakeSlackApi } from "./fake-slack-api.js";

const platform = (error: string) => ({ code: "slack_webapi_platform_error", data: { ok: false, error } });
const request = (cause: unknown) => ({
  code: "slack_webapi_request_error",
  original: Object.assign(new TypeError("fetch failed"), { cause }),
});

describe("what a failed Slack call means for the outbox", () => {
  it.each(["channel_not_found", "user_not_found", "account_inactive", "cannot_dm_bot", "user_disabled", "is_archived"])(
    "%s: the member cannot be reached, so the leads are told and nothing is retried",
    (error) => {
      expect(toDeliveryError(platform(error))).toMatchObject({ code: "recipient-gone", retryable: false });
    },
  );

  it("invalid_auth is not retried and keeps its own code for the log", () => {
    expect(toDeliveryError(platform("invalid_auth"))).toMatchObject({ code: "slack-invalid_auth", retryable: false });
  });

  it("a 429 is retried after the Retry-After Slack gave", () => {
    expect(toDeliveryError({ code: "slack_webapi_rate_limited_error", retryAfter: 30 })).toMatchObject({
      code: "rate-limited",
      retryable: true,
      retryAfterSeconds: 30,
    });
  });

  it("a 429 without a usable Retry-After is retried later too: Slack refused the call, so nothing was posted", async () => {
    const fake = await FakeSlackApi.start();
    try {
      fake.fail("chat.postMessage", { status: 429 });
      const client = new webApi.WebClient("xoxb-test-token", {
        slackApiUrl: fake.apiUrl,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 0 },
      });
      const thrown = await client.chat.postMessage({ channel: "D1", text: "hello" }).catch((error: unknown) => error);
      expect(toDeliveryError(thrown)).toMatchObject({ code: "rate-limited", retryable: true });
      expect(fake.ledger).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it("a refused connection is retried, because Slack never saw the message", () => {
    expect(toDeliveryError(request({ code: "ECONNREFUSED" }))).toMatchObject({
      code: "slack-unreachable",
      retryable: true,
    });
  });

  it("a timeout, a dropped connection or a server error is never retried, so nobody is sent a message twice", () => {
    expect(toDeliveryError(request(Object.assign(new Error("timeout"), { name: "TimeoutError" })))).toMatchObject({
      code: "outcome-unknown",
      retryable: false,
    });
    expect(toDeliveryError(request({ code: "ECONNRESET" }))).toMatchObject({
      code: "outcome-unknown",
      retryable: false,
    });
    expect(toDeliveryError(platform("internal_error"))).toMatchObject({ code: "outcome-unknown", retryable: false });
    expect(toDeliveryError({ code: "slack_webapi_http_error", statusCode: 500 })).toMatchObject({
      code: "outcome-unknown",
      retryable: false,
    });
  });

  it("Slack saying it is unavailable (503) is retried", () => {
    expect(toDeliveryError({ code: "slack_webapi_http_error", statusCode: 503 })).toMatchObject({ retryable: true });
  });

  it("an error code from Slack cannot smuggle text into the log", () => {
    expect(toDeliveryError(platform("weird <@U123> text")).code).toBe("slack-weird123text");
  });
});
