import { App } from "@microsoft/teams.apps";
import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../../src/kernel/errors.js";
import { appTokens } from "../../../src/platforms/teams/deliver/token-source.js";

const clientId = "00000000-0000-4000-8000-00000000c0de";
const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
// The SDK reads the token it is given as a JWT.
const entraToken = `${part({ alg: "RS256", typ: "JWT" })}.${part({ aud: "https://api.botframework.com", exp: 4_102_444_800 })}.c2ln`;

describe("the tokens Cohesion signs its calls to Teams with", () => {
  it("come from the Teams SDK, for the Bot Framework's scope", async () => {
    const scopes: string[] = [];
    const app = new App({
      clientId,
      token: (scope) => {
        scopes.push(String(scope));
        return entraToken;
      },
    });
    expect(await appTokens(app.tokenProvider).token()).toBe(entraToken);
    expect(scopes).toEqual(["https://api.botframework.com/.default"]);
  });

  it("fail as a delivery worth retrying when Microsoft Entra gives none", async () => {
    const app = new App({
      clientId,
      token: () => {
        throw new Error("AADSTS7000215: invalid client secret");
      },
    });
    const failure = await appTokens(app.tokenProvider)
      .token()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ code: "teams-token-failed", retryable: true });
  });
});
