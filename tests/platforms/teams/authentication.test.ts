import { PUBLIC, withOverrides } from "@microsoft/teams.api";
import { afterEach, describe, expect, it } from "vitest";
import { readEnv } from "../../../src/main/config.js";
import { startChat } from "../../../src/main/run-chat.js";
import { StartupError } from "../../../src/kernel/errors.js";
import { createTeamsPlatform } from "../../../src/platforms/teams/teams-platform.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { exampleConfig, exampleContent } from "../../support/example-setup.js";
import { ManualClock, RecordingLogger } from "../../support/fakes.js";
import { personalChat, personalMessage } from "./activities.js";
import { botFrameworkIssuer, FakeOpenId } from "./fake-openid.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

const appId = "00000000-0000-4000-8000-00000000c0de";
const setup = { config: exampleConfig(), content: exampleContent, file: "cohesion.yaml" };
let teams: TeamsHarness | undefined;
let openId: FakeOpenId | undefined;
afterEach(async () => {
  await teams?.stop();
  await openId?.stop();
  teams = undefined;
  openId = undefined;
});

async function startAuthenticated(): Promise<{ teams: TeamsHarness; openId: FakeOpenId }> {
  openId = new FakeOpenId();
  await openId.start();
  teams = await startTeams({
    env: { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: "test-client-secret~0123456789abcdefghij", PORT: "0" },
    platform: {
      // The public cloud, with its sign-in metadata on 127.0.0.1: the Teams SDK's own way to name another cloud.
      cloud: withOverrides(PUBLIC, { openIdMetadataUrl: openId.metadataUrl }),
      tokens: { token: async () => "token-from-entra" },
    },
  });
  return { teams, openId };
}

describe("who may talk to Cohesion on Teams", () => {
  it("refuses to start without an app id, naming what to set", () => {
    const deps = { setup, store: new MemoryStore(), clock: new ManualClock(new Date()), logger: new RecordingLogger() };
    expect(() => createTeamsPlatform(readEnv({}), deps)).toThrow(StartupError);
    expect(() => createTeamsPlatform(readEnv({}), deps)).toThrow(
      /MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD.*TEAMS_ALLOW_UNAUTHENTICATED=true/,
    );
  });

  it("refuses to start with a password but no app id", async () => {
    const env = readEnv({ MICROSOFT_APP_PASSWORD: "test-client-secret~0123456789abcdefghij", PORT: "0" });
    const start = startChat({
      env,
      setup,
      store: new MemoryStore(),
      clock: new ManualClock(new Date()),
      logger: new RecordingLogger(),
      wakeEveryMinute: false,
    });
    await expect(start).rejects.toThrow("missing MICROSOFT_APP_ID");
  });

  it("without authentication, warns loudly and listens on 127.0.0.1 only", async () => {
    const logger = new RecordingLogger();
    const chat = await startChat({
      env: readEnv({ TEAMS_ALLOW_UNAUTHENTICATED: "true", PORT: "0" }),
      setup,
      store: new MemoryStore(),
      clock: new ManualClock(new Date()),
      logger,
      wakeEveryMinute: false,
    });
    try {
      expect(chat.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(logger.lines).toContainEqual(
        expect.objectContaining({ level: "warn", message: expect.stringContaining("WITHOUT AUTHENTICATION") }),
      );
    } finally {
      await chat.stop();
    }
  });

  it("with an app id, accepts only activities signed by the Bot Framework for this app, and signs its own calls", async () => {
    const { teams, openId } = await startAuthenticated();
    const url = teams.connector.url;
    expect((await teams.post(personalMessage("ana", "help", url))).status).toBe(401);
    expect(
      (
        await teams.post(personalMessage("ana", "help", url), {
          authorization: `Bearer ${openId.token(appId, url, FakeOpenId.otherKey())}`,
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await teams.post(personalMessage("ana", "help", url), {
          authorization: `Bearer ${openId.token("another-app", url)}`,
        })
      ).status,
    ).toBe(401);
    expect((await teams.store.readOrganisation()).platformData).toBeUndefined();
    expect(teams.connector.calls).toEqual([]);

    const accepted = await teams.post(personalMessage("ana", "help", url), {
      authorization: `Bearer ${openId.token(appId, url)}`,
    });
    expect(accepted.status).toBe(200);
    const [reply] = teams.connector.posted(personalChat("ana"));
    expect(reply?.authorization).toBe("Bearer token-from-entra");
  });

  it("refuses forged, expired, wrong-audience, alg none, unknown-key and garbage tokens with 401, fetching the keys once for each cache", async () => {
    const { teams, openId } = await startAuthenticated();
    const url = teams.connector.url;
    const now = Math.floor(Date.now() / 1000);
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const claims = { iss: botFrameworkIssuer, aud: appId, serviceurl: url, nbf: now - 60, exp: now + 3600 };
    const tokens = [
      openId.token(appId, url, FakeOpenId.otherKey()),
      openId.token(appId, url, undefined, { nbf: now - 7200, exp: now - 3600 }),
      openId.token(appId, url, undefined, { nbf: now + 3600, exp: now + 7200 }),
      openId.token("another-app", url),
      `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.`,
      `${part({ alg: "HS256", typ: "JWT", kid: "cohesion-test" })}.${part(claims)}.c2lnbmF0dXJl`,
      `${part({ alg: "RS256", kid: "unknown" })}.${part(claims)}.c2lnbmF0dXJl`,
      "not-a-token",
      "a.b.c",
    ];
    for (let round = 0; round < 5; round++)
      for (const token of tokens) {
        const response = await teams.post(personalMessage("ana", "help", url), { authorization: `Bearer ${token}` });
        expect(response.status).toBe(401);
      }
    expect((await teams.post(personalMessage("ana", "help", url), { authorization: "Basic abc" })).status).toBe(401);
    // Once for Cohesion's list of published key ids, once for the Teams SDK's own key cache.
    expect(openId.keyFetches).toBe(2);
    expect((await teams.store.readOrganisation()).platformData).toBeUndefined();
    expect(teams.connector.calls).toEqual([]);
    expect(JSON.stringify(teams.logger.lines)).not.toContain(tokens[0]);
  });
});
