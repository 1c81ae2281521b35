import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chosenPlatforms, configLocation, readEnv } from "../../src/main/config.js";
import { loadConfig, shippedExampleConfig } from "../../src/main/config-file.js";
import { listSessions } from "../../src/core/groups/index.js";
import { startupMessage } from "./startup-message.js";

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/config/${name}`, import.meta.url));
const programIds = new Set(["chronic-pain-8", "generic", "segt"]);
const load = (path: string, overrides: { explicit?: boolean; consoleMode?: boolean } = {}) =>
  loadConfig({ path, explicit: true, consoleMode: false, examplePath: shippedExampleConfig, programIds, ...overrides });

describe("readEnv", () => {
  it("applies defaults and treats empty strings as unset", () => {
    const env = readEnv({ PORT: "", SLACK_BOT_TOKEN: "" });
    expect(env).toMatchObject({ DATA_DIR: "./data", LOG_LEVEL: "info", PORT: 3000 });
    expect(env.COHESION_CONFIG).toBeUndefined();
    expect(env.SLACK_BOT_TOKEN).toBeUndefined();
    expect(configLocation(env)).toEqual({ path: "cohesion.yaml", explicit: false });
    expect(chosenPlatforms(env)).toEqual(["console"]);
  });

  it("reads explicit values", () => {
    const env = readEnv({
      COHESION_CONFIG: "clinic.yaml",
      PORT: "8080",
      LOG_LEVEL: "debug",
      CONSOLE_START: "2026-12-01T17:45Z",
    });
    expect(env).toMatchObject({ PORT: 8080, LOG_LEVEL: "debug" });
    expect(env.CONSOLE_START?.toISOString()).toBe("2026-12-01T17:45:00.000Z");
    expect(configLocation(env)).toEqual({ path: "clinic.yaml", explicit: true });
  });

  it.each(["abc", "-1", "70000", "80.5"])("names PORT when it is %s", (port) => {
    expect(startupMessage(() => readEnv({ PORT: port }))).toMatch(
      /^environment variable PORT: expected a whole number from 0 to 65535$/,
    );
  });

  it("accepts PORT 0, which asks the system for a free port", () => {
    expect(readEnv({ PORT: "0" }).PORT).toBe(0);
  });

  it("names a bad LOG_LEVEL and a CONSOLE_START without an offset", () => {
    const message = startupMessage(() => readEnv({ LOG_LEVEL: "verbose", CONSOLE_START: "2026-12-01T17:45" }));
    expect(message).toContain("LOG_LEVEL: expected one of fatal");
    expect(message).toContain("CONSOLE_START: expected an ISO date-time with a UTC offset");
  });
});

describe("chosenPlatforms", () => {
  it.each([
    [{ SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-testtokentesttoken" }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5" }, "missing SLACK_BOT_TOKEN"],
    [{ MICROSOFT_APP_ID: "id" }, "missing MICROSOFT_APP_PASSWORD"],
    [{ MICROSOFT_APP_TENANT_ID: "t" }, "missing MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD"],
  ])("refuses partial credentials %o", (vars, missing) => {
    expect(startupMessage(() => chosenPlatforms(readEnv(vars)))).toContain(missing);
  });

  it("returns complete credential sets", () => {
    expect(
      chosenPlatforms(
        readEnv({
          SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-testtokentesttoken",
          SLACK_APP_TOKEN: "xapp-1-A0123456789-1234567890-testtoken",
        }),
      ),
    ).toEqual(["slack"]);
    const both = readEnv({
      SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-testtokentesttoken",
      SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
      MICROSOFT_APP_ID: "id",
      MICROSOFT_APP_PASSWORD: "test-client-secret~0123456789abcdefghij",
    });
    expect(chosenPlatforms(both)).toEqual(["slack", "teams"]);
  });
});

describe("loadConfig", () => {
  it("loads the shipped example", () => {
    const { config, file } = load(shippedExampleConfig);
    expect(file).toBe(shippedExampleConfig);
    expect(config.organisation).toMatchObject({
      name: "Riverside Integrated Care (demo)",
      privacy: { minResponses: 5 },
    });
    expect(config.groups.map((group) => [group.id, group.members.length])).toEqual([
      ["pain-tue", 8],
      ["segt-thu", 6],
    ]);
    expect(listSessions(config.groups[0]!, new Date("2030-01-01T00:00:00Z"))).toHaveLength(8);
  });

  it.each([
    ["bad-timezone.yaml", "groups.0.timezone: expected an IANA time zone"],
    ["bad-lead-address.yaml", "groups.0.leads.1: expected an address"],
    ["min-responses-2.yaml", "organisation.privacy.minResponses: must be at least 3"],
    ["missing-location.yaml", "groups.0.location:"],
    ["unknown-program.yaml", 'groups.0.program: unknown program "mindfulness" (known: chronic-pain-8, generic, segt)'],
    ["duplicate-group-id.yaml", 'groups.1.id: duplicate group id "alpha"'],
    ["lead-also-member.yaml", "groups.0.members.1: console:lead is also a lead"],
    ["impossible-date.yaml", "groups.0.schedule.firstSession: not a real date and time"],
    ["change-beyond-count.yaml", "groups.0.changes.0.session: the group has only 8 sessions"],
    [
      "one-lead-nobody-on-call.yaml",
      "groups.0.leads: alpha has one lead and organisation.safety.onCall is empty; an urgent alert needs a second person",
    ],
  ])("refuses %s, naming the file and the path", (name, expected) => {
    const message = startupMessage(() => load(fixture(name)));
    expect(message).toContain(`${fixture(name)}: ${expected}`);
  });

  it("loads an explicitly chosen file", () => {
    expect(load(fixture("valid.yaml")).config.groups[0]?.id).toBe("alpha");
  });

  it("falls back to the example for a missing default file in console mode", () => {
    const { file } = load(fixture("absent.yaml"), { explicit: false, consoleMode: true });
    expect(file).toBe(shippedExampleConfig);
  });

  it("refuses a missing default file outside console mode", () => {
    const message = startupMessage(() => load(fixture("absent.yaml"), { explicit: false }));
    expect(message).toContain(
      "absent.yaml: configuration file not found; create cohesion.yaml (copy cohesion.example.yaml",
    );
  });

  it("refuses a missing explicit file, even in console mode", () => {
    const message = startupMessage(() => load(fixture("absent.yaml"), { consoleMode: true }));
    expect(message).toContain("absent.yaml: configuration file not found (set by COHESION_CONFIG)");
  });
});

describe("chosenPlatforms for Microsoft Teams", () => {
  it("runs Teams with an app id and password", () => {
    expect(
      chosenPlatforms(
        readEnv({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "test-client-secret~0123456789abcdefghij" }),
      ),
    ).toEqual(["teams"]);
  });

  it("runs Teams without an app id only when TEAMS_ALLOW_UNAUTHENTICATED=true", () => {
    expect(chosenPlatforms(readEnv({ TEAMS_ALLOW_UNAUTHENTICATED: "true" }))).toEqual(["teams"]);
    expect(chosenPlatforms(readEnv({ TEAMS_ALLOW_UNAUTHENTICATED: "false" }))).toEqual(["console"]);
  });

  it("still refuses an app id without a password", () => {
    expect(startupMessage(() => chosenPlatforms(readEnv({ MICROSOFT_APP_ID: "id" })))).toContain(
      "missing MICROSOFT_APP_PASSWORD",
    );
  });

  it("refuses a password without an app id", () => {
    expect(
      startupMessage(() =>
        chosenPlatforms(readEnv({ MICROSOFT_APP_PASSWORD: "test-client-secret~0123456789abcdefghij" })),
      ),
    ).toContain("missing MICROSOFT_APP_ID");
  });

  it("refuses to mix the unauthenticated mode with app credentials", () => {
    const env = readEnv({
      TEAMS_ALLOW_UNAUTHENTICATED: "true",
      MICROSOFT_APP_ID: "id",
      MICROSOFT_APP_PASSWORD: "test-client-secret~0123456789abcdefghij",
    });
    expect(startupMessage(() => chosenPlatforms(env))).toContain("TEAMS_ALLOW_UNAUTHENTICATED=true is for local tools");
  });

  it("asks a single-tenant app for its tenant id", () => {
    const vars = {
      MICROSOFT_APP_ID: "id",
      MICROSOFT_APP_PASSWORD: "test-client-secret~0123456789abcdefghij",
      MICROSOFT_APP_TYPE: "SingleTenant",
    };
    expect(startupMessage(() => chosenPlatforms(readEnv(vars)))).toContain(
      "MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID",
    );
    expect(chosenPlatforms(readEnv({ ...vars, MICROSOFT_APP_TENANT_ID: "t" }))).toEqual(["teams"]);
  });

  it("names a mistyped TEAMS_ALLOW_UNAUTHENTICATED or MICROSOFT_APP_TYPE", () => {
    const message = startupMessage(() => readEnv({ TEAMS_ALLOW_UNAUTHENTICATED: "yes", MICROSOFT_APP_TYPE: "Multi" }));
    expect(message).toContain("TEAMS_ALLOW_UNAUTHENTICATED: expected true or false");
    expect(message).toContain("MICROSOFT_APP_TYPE: expected MultiTenant, SingleTenant or UserAssignedMSI");
  });
});
