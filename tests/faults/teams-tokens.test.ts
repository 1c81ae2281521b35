import { afterAll, describe, expect, it } from "vitest";
import { personalMessage } from "../platforms/teams/activities.js";
import { FakeBotConnector } from "../platforms/teams/fake-bot-connector.js";
import { removeTempDirs } from "../support/temp-dirs.js";
import { faultTimeoutMs } from "./fault-counts.js";
import { documentHashes, FaultWorld } from "./fault-world.js";

const appId = "00000000-0000-4000-8000-00000000c0de";
let world: FaultWorld | undefined;
const connector = new FakeBotConnector();
afterAll(async () => {
  await world?.close();
  await connector.stop();
  await removeTempDirs();
});

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = Math.floor(Date.now() / 1000);
const claims = { iss: "https://api.botframework.com", aud: appId, nbf: now - 60, exp: now + 3600 };

// Tokens refused before any signing key is needed: the production bot would fetch Microsoft's keys over the internet
// for a token that names an allowed algorithm and a key, so forged and expired RS256 tokens are left to the
// in-process tests against a fake OpenID server (tests/platforms/teams/authentication.test.ts).
const refusedHeaders: Record<string, Record<string, string>> = {
  "no Authorization header": {},
  "a Basic credential": { authorization: "Basic YWxhZGRpbjpvcGVuc2VzYW1l" },
  'an "alg: none" token': { authorization: `Bearer ${part({ alg: "none", typ: "JWT" })}.${part(claims)}.` },
  "an HS256 token signed with a guessed secret": {
    authorization: `Bearer ${part({ alg: "HS256", typ: "JWT", kid: "k" })}.${part(claims)}.c2lnbmF0dXJl`,
  },
  "an RS256 token without a key id": { authorization: `Bearer ${part({ alg: "RS256" })}.${part(claims)}.c2ln` },
  garbage: { authorization: "Bearer not-a-token" },
  "a huge token": { authorization: `Bearer ${"a".repeat(12_000)}.b.c` },
};

describe("Teams requests without a Bot Framework token, against the real bot", () => {
  it(
    "get 401, reach no handler, call nobody and change no file",
    async () => {
      await connector.start();
      world = await FaultWorld.create({ members: 2, moment: "checkin-open" });
      const bot = await world.start({
        MICROSOFT_APP_ID: appId,
        MICROSOFT_APP_PASSWORD: "fault-suite-secret~0123456789abcdefghij",
      });
      await bot.untilLogged("sweep", faultTimeoutMs);
      const before = await documentHashes(world.dataDir);
      for (const [name, headers] of Object.entries(refusedHeaders)) {
        const response = await fetch(`${bot.url}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify(personalMessage("ana", "help", connector.url)),
        });
        expect(response.status, name).toBe(401);
      }
      expect(connector.calls).toEqual([]);
      expect(await documentHashes(world.dataDir)).toEqual(before);
      expect(bot.alive).toBe(true);
    },
    faultTimeoutMs,
  );
});
