import { PUBLIC } from "@microsoft/teams.api";
import { describe, expect, it } from "vitest";
import { readEnv } from "../../../src/main/config.js";
import { createTeamsSdk } from "../../../src/platforms/teams/teams-sdk.js";

const appId = "00000000-0000-4000-8000-00000000c0de";
const tenant = "11111111-0000-4000-8000-000000000000";
const secret = "test-client-secret~0123456789abcdefghij";

describe("the Teams SDK's credentials", () => {
  it("are the app id and secret of a multi-tenant bot, with no tenant", () => {
    const sdk = createTeamsSdk(readEnv({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: secret }), PUBLIC);
    expect(sdk.app.credentials).toEqual({ clientId: appId, clientSecret: secret, tenantId: "" });
  });

  it("carry the tenant of a single-tenant bot", () => {
    const env = readEnv({
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: secret,
      MICROSOFT_APP_TYPE: "SingleTenant",
      MICROSOFT_APP_TENANT_ID: tenant,
    });
    expect(createTeamsSdk(env, PUBLIC).app.credentials).toEqual({
      clientId: appId,
      clientSecret: secret,
      tenantId: tenant,
    });
  });

  it("are the managed identity itself for a user-assigned managed identity, with no secret", () => {
    const env = readEnv({
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_TYPE: "UserAssignedMSI",
      MICROSOFT_APP_TENANT_ID: tenant,
    });
    expect(createTeamsSdk(env, PUBLIC).app.credentials).toEqual({ clientId: appId, tenantId: tenant });
  });

  it("come from Cohesion's settings only, never from the SDK's own environment variables", () => {
    const saved = { ...process.env };
    Object.assign(process.env, { CLIENT_ID: "someone-else", CLIENT_SECRET: "their-secret", TENANT_ID: tenant });
    try {
      expect(createTeamsSdk(readEnv({ TEAMS_ALLOW_UNAUTHENTICATED: "true" }), PUBLIC).app.credentials).toBeUndefined();
    } finally {
      for (const name of ["CLIENT_ID", "CLIENT_SECRET", "TENANT_ID"]) if (!(name in saved)) delete process.env[name];
    }
  });
});
