import { describe, expect, it } from "vitest";
import { readEnv } from "../../src/main/config.js";
import { startupMessage } from "./startup-message.js";

const botToken = "xoxb-1234567890-0987654321-testtokentesttoken";

describe("credentials of implausible shape are refused at start-up", () => {
  it.each([
    ["SLACK_SIGNING_SECRET", "zz"],
    ["SLACK_SIGNING_SECRET", "0123456789abcde"],
    ["SLACK_SIGNING_SECRET", "8f742231b10e8888 abcd99yyyzzz85a5"],
    ["SLACK_SIGNING_SECRET", '"8f742231b10e8888abcd99yyyzzz85a5"'],
    ["SLACK_BOT_TOKEN", "xoxp-1234567890-0987654321-usertoken"],
    ["SLACK_BOT_TOKEN", "xoxb-zz"],
    ["SLACK_APP_TOKEN", "xoxb-1234567890-0987654321-testtoken"],
    ["MICROSOFT_APP_PASSWORD", "pw-0123456789"],
  ])("names %s without repeating its value (%s)", (name, value) => {
    const message = startupMessage(() => readEnv({ [name]: value }));
    expect(message).toMatch(new RegExp(`^environment variable ${name}: expected `));
    expect(message).not.toContain(value);
  });

  it("accepts Slack's and Entra's own formats", () => {
    const env = readEnv({
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef",
      SLACK_APP_TOKEN: "xapp-1-A0123456789-1234567890123-0123456789abcdef",
      MICROSOFT_APP_PASSWORD: "Abc8Q~0123456789abcdefghijklmnopqrstuvwx",
    });
    expect(env.SLACK_SIGNING_SECRET).toBe("0123456789abcdef0123456789abcdef");
    expect(env.MICROSOFT_APP_PASSWORD).toHaveLength(40);
  });

  it("still treats an empty value as unset", () => {
    expect(readEnv({ SLACK_SIGNING_SECRET: "", MICROSOFT_APP_PASSWORD: "" }).SLACK_SIGNING_SECRET).toBeUndefined();
  });
});
