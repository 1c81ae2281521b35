import { describe, expect, it } from "vitest";
import { chosenPlatforms, dataEncryption, readEnv } from "../../src/main/config.js";
import { startupMessage } from "./startup-message.js";

describe("dataEncryption", () => {
  const key = Buffer.alloc(32, 7).toString("base64");
  const oldKey = Buffer.alloc(32, 9).toString("base64");

  it("refuses a missing key in production, naming the opt-out", () => {
    const message = startupMessage(() => dataEncryption(readEnv({ NODE_ENV: "production" })));
    expect(message).toContain("NODE_ENV=production needs DATA_ENCRYPTION_KEY");
    expect(message).toContain("openssl rand -base64 32");
    expect(message).toContain("set DATA_ENCRYPTION=off");
  });

  it("lets the console demo and development run without a key, storing plain JSON", () => {
    const env = readEnv({});
    expect(chosenPlatforms(env)).toEqual(["console"]);
    expect(dataEncryption(env)).toBeUndefined();
    expect(
      dataEncryption(
        readEnv({
          NODE_ENV: "development",
          SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-testtokentesttoken",
          SLACK_APP_TOKEN: "xapp-1-A0123456789-1234567890-testtoken",
        }),
      ),
    ).toBe(undefined);
  });

  it("stores plain JSON in production only with the explicit opt-out, which a key contradicts", () => {
    expect(dataEncryption(readEnv({ NODE_ENV: "production", DATA_ENCRYPTION: "off" }))).toBeUndefined();
    expect(
      startupMessage(() => dataEncryption(readEnv({ DATA_ENCRYPTION: "off", DATA_ENCRYPTION_KEY: key }))),
    ).toContain("DATA_ENCRYPTION=off stores data unencrypted, but a key is set");
    expect(startupMessage(() => readEnv({ DATA_ENCRYPTION: "no" }))).toContain("DATA_ENCRYPTION: expected off");
  });

  it("gives the key, and the old one while rotating", () => {
    expect(dataEncryption(readEnv({ NODE_ENV: "production", DATA_ENCRYPTION_KEY: key }))).toEqual({
      key: Buffer.alloc(32, 7),
      previousKeys: [],
    });
    expect(dataEncryption(readEnv({ DATA_ENCRYPTION_KEY: ` ${key}\n`, DATA_ENCRYPTION_KEY_OLD: oldKey }))).toEqual({
      key: Buffer.alloc(32, 7),
      previousKeys: [Buffer.alloc(32, 9)],
    });
    expect(startupMessage(() => dataEncryption(readEnv({ DATA_ENCRYPTION_KEY_OLD: oldKey })))).toContain(
      "DATA_ENCRYPTION_KEY_OLD is set without DATA_ENCRYPTION_KEY",
    );
  });

  it.each([
    ["too short", Buffer.alloc(16, 1).toString("base64")],
    ["too long", Buffer.alloc(33, 1).toString("base64")],
    ["not base64", "not-a-key-but-44-characters-long-xxxxxxxxxx="],
    ["hex", "ab".repeat(32)],
    ["not canonical", `${key.slice(0, 42)}B=`],
  ])("refuses a key that is %s, without showing it", (_what, value) => {
    const message = startupMessage(() => readEnv({ DATA_ENCRYPTION_KEY: value, DATA_ENCRYPTION_KEY_OLD: value }));
    expect(message).toBe(
      "environment variable DATA_ENCRYPTION_KEY: expected the base64 of exactly 32 bytes (make one with: openssl rand -base64 32)\n" +
        "environment variable DATA_ENCRYPTION_KEY_OLD: expected the base64 of exactly 32 bytes (make one with: openssl rand -base64 32)",
    );
  });
});
