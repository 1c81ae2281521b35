import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackHarness } from "./slack-harness.js";
import { formEncoded, postToSlackEndpoint } from "./slack-requests.js";

let slack: SlackHarness;
let before: string;
beforeAll(async () => {
  slack = await SlackHarness.start();
  before = await stored();
});
afterAll(async () => slack?.stop());

// Signatures of well-formed requests are recorded (replay protection) before any listener reads them.
async function stored(): Promise<string> {
  const { platformData, ...organisation } = await slack.store.readOrganisation();
  const slackData = { ...platformData?.slack };
  delete slackData["seen"];
  return JSON.stringify([await slack.store.readGroup("pain-tue"), organisation, slackData]);
}

async function nothingChanged(): Promise<void> {
  expect(await stored()).toBe(before);
  expect(slack.fake.callsAfterStartup).toEqual([]);
  expect(slack.logger.lines.filter((line) => line.level === "error")).toEqual([]);
  expect((await fetch(`${slack.url}/healthz`)).status).toBe(200);
}

const json = "application/json";
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe("validly signed Slack requests Cohesion cannot read", () => {
  it.each([
    ["a JSON null", "null", json],
    ["an empty object", "{}", json],
    ["an array", "[]", json],
    ["a number", "42", json],
    ["a deeply nested array", nested(100_000), json],
    ["an event list where an object belongs", '{"event":[1]}', json],
    ["actions that are not a list", '{"type":"block_actions","actions":5,"user":{"id":"U0ANA"}}', json],
    ["a view without its callback", '{"type":"view_submission","view":{},"user":{"id":"U0ANA"}}', json],
    ["a payload field that is not JSON", form({ payload: "{not json" }), formEncoded],
    ["a payload field that is JSON null", form({ payload: "null" }), formEncoded],
    ["a payload field that is an array", form({ payload: "[1,2]" }), formEncoded],
    [
      "a click with the wrong types",
      form({ payload: '{"type":"block_actions","actions":[{"action_id":7}]}' }),
      formEncoded,
    ],
    ["a slash command with a repeated field", "command=%2Fcohesion&text=help&text=pause", formEncoded],
    ["an empty form", "", formEncoded],
  ])("refuses %s with 400, changing nothing", async (_what, body, contentType) => {
    expect((await postToSlackEndpoint(slack.url, body, contentType)).status).toBe(400);
    await nothingChanged();
  });

  it.each([
    ["no event", '{"type":"event_callback"}'],
    ["a null event", '{"type":"event_callback","event":null}'],
    ["a channel of the wrong type", '{"type":"event_callback","event":{"type":"message","channel":7}}'],
    ["an event type Cohesion does not handle", '{"type":"event_callback","event":{"type":"reaction_added"}}'],
  ])("acknowledges an Events API delivery with %s (Slack would retry it) and ignores it", async (_what, body) => {
    expect((await postToSlackEndpoint(slack.url, body, json)).status).toBe(200);
    await nothingChanged();
  });

  it("answers no fuzzed, validly signed body with a 5xx, and none changes anything", async () => {
    const anyJson = fc.jsonValue({ maxDepth: 6 });
    const envelope = fc.record(
      {
        type: fc.oneof(fc.constantFrom("event_callback", "block_actions", "view_submission"), anyJson),
        event: fc.oneof(fc.record({ type: fc.constantFrom("message", "app_home_opened") }), anyJson),
        actions: fc.oneof(fc.array(fc.dictionary(fc.constantFrom("action_id", "value"), anyJson)), anyJson),
        user: fc.oneof(fc.record({ id: anyJson }), anyJson),
        view: anyJson,
        channel: anyJson,
        team: anyJson,
        authorizations: anyJson,
        ["__proto__"]: anyJson,
        constructor: anyJson,
      },
      { requiredKeys: [] },
    );
    const request = fc.oneof(
      anyJson.map((value) => ({ body: JSON.stringify(value), contentType: json })),
      envelope.map((value) => ({ body: JSON.stringify(value), contentType: json })),
      envelope.map((value) => ({ body: form({ payload: JSON.stringify(value) }), contentType: formEncoded })),
      fc.string().map((text) => ({ body: form({ payload: text }), contentType: formEncoded })),
      fc
        .dictionary(fc.constantFrom("command", "text", "user_id", "channel_id", "x"), fc.string())
        .map((fields) => ({ body: form(fields), contentType: formEncoded })),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ body, contentType }) => {
        const response = await postToSlackEndpoint(slack.url, body, contentType);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    await nothingChanged();
  });
});
