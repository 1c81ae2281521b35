import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PUBLIC, withOverrides } from "@microsoft/teams.api";
import { App } from "@microsoft/teams.apps";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appTokens } from "../../../src/platforms/teams/deliver/token-source.js";
import { tokenCheckMinutes } from "../../../src/platforms/teams/teams-platform.js";
import { FakeOpenId } from "./fake-openid.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

const appId = "00000000-0000-4000-8000-00000000c0de";
const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
// The Teams SDK reads the token it is given as a JWT.
const entraToken = `${part({ alg: "RS256", typ: "JWT" })}.${part({ aud: "https://api.botframework.com", exp: 4_102_444_800 })}.c2ln`;

/** A Microsoft Entra token endpoint on 127.0.0.1 that grants tokens, or refuses them as Entra does a bad secret. */
class FakeTokenEndpoint {
  refusing = false;
  requests = 0;
  private readonly server: Server = createServer((_request, response) => {
    this.requests += 1;
    const [status, body] = this.refusing
      ? [401, { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided." }]
      : [200, { token_type: "Bearer", expires_in: 3599, access_token: entraToken }];
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  url = "";

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/tenant/oauth2/v2.0/token`;
  }

  /** Asks for a token the way a client-credentials grant does; rejects when refused. */
  async grant(): Promise<string> {
    const response = await fetch(this.url, { method: "POST", body: "grant_type=client_credentials" });
    const body = (await response.json()) as { access_token?: string };
    if (!response.ok || !body.access_token) throw new Error(`token endpoint answered ${response.status}`);
    return body.access_token;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let teams: TeamsHarness | undefined;
let openId: FakeOpenId | undefined;
let entra: FakeTokenEndpoint | undefined;
afterEach(async () => {
  await teams?.stop();
  await openId?.stop();
  await entra?.stop();
  teams = openId = entra = undefined;
});

async function healthz(): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${teams?.chat.url}/healthz`);
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("Teams in GET /healthz", () => {
  it("answers 503 while Microsoft Entra refuses Cohesion a token, and 200 once a later check gets one", async () => {
    openId = new FakeOpenId();
    await openId.start();
    const endpoint = new FakeTokenEndpoint();
    entra = endpoint;
    await endpoint.start();
    endpoint.refusing = true;
    // The SDK's own token provider, asking the fake endpoint (its sign-in library needs an HTTPS authority).
    const sdk = new App({ clientId: appId, token: () => endpoint.grant() });
    teams = await startTeams({
      env: { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: "test-client-secret~0123456789abcdefghij", PORT: "0" },
      platform: {
        cloud: withOverrides(PUBLIC, { openIdMetadataUrl: openId.metadataUrl }),
        tokens: appTokens(sdk.tokenProvider),
      },
    });
    expect(await healthz()).toMatchObject({
      status: 503,
      body: { status: "down", platforms: { teams: { ok: false, detail: "token-not-obtained" } } },
    });
    expect(teams.logger.lines.map((line) => line.fields["code"])).toContain("teams-token-not-obtained");

    endpoint.refusing = false;
    await healthz();
    expect(endpoint.requests).toBe(1);
    teams.clock.advanceHours(tokenCheckMinutes / 60);
    await teams.chat.sweep();
    await vi.waitFor(
      async () =>
        expect(await healthz()).toMatchObject({
          status: 200,
          body: { status: "ok", platforms: { teams: { ok: true, detail: "token-obtained" } } },
        }),
      { timeout: 60_000, interval: 20 },
    );
    expect(endpoint.requests).toBe(2);
  });
});
