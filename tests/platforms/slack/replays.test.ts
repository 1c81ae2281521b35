import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { at } from "../../support/outbox-helpers.js";
import { SlackHarness } from "./slack-harness.js";

let slack: SlackHarness;
afterEach(async () => {
  vi.restoreAllMocks();
  await slack?.stop();
});

const hardGoing = (value: { kind: string; value?: number }) => value.kind === "choice" && value.value === 1;
const good = (value: { kind: string; value?: number }) => value.kind === "choice" && value.value === 4;
const later = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

/** Records the exact requests sent to Cohesion's Slack endpoint, so a test can send one again as an attacker would. */
function recordRequests(): { url: string; init: RequestInit }[] {
  const sent: { url: string; init: RequestInit }[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    if (String(input).endsWith("/slack/events") && init) sent.push({ url: String(input), init });
    return realFetch(input, init);
  });
  return sent;
}

async function replay(request: { init: RequestInit }, to: SlackHarness): Promise<{ status: number; text: string }> {
  const response = await fetch(`${to.url}/slack/events`, request.init);
  return { status: response.status, text: await response.text() };
}

async function snapshot(harness: SlackHarness): Promise<string> {
  return JSON.stringify([await harness.store.readGroup("pain-tue"), harness.fake.calls.length]);
}

describe("a validly signed Slack request sent again", () => {
  it('a "Hard going" click replayed 11 seconds later does not undo a later "Good"', async () => {
    slack = await SlackHarness.start({ now: at.checkin1Due });
    await slack.sweepAt(at.checkin1Due);
    const sent = recordRequests();
    const checkin = slack.latestPostTo("ana", "Full check-in");
    await slack.press(checkin, hardGoing);
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(1));
    await slack.press(checkin, good);
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(2));
    const before = await snapshot(slack);

    slack.clock.set(later(at.checkin1Due, 11_000));
    expect(await replay(sent[0]!, slack)).toEqual({ status: 200, text: "" });
    expect(await snapshot(slack)).toBe(before);
    expect(slack.logger.lines.some((entry) => entry.fields["code"] === "slack-request-replayed")).toBe(true);
  });

  it("a replayed slash command changes nothing and is not answered again", async () => {
    slack = await SlackHarness.start();
    const sent = recordRequests();
    await slack.command("ana", "pause");
    const before = await snapshot(slack);
    slack.clock.set(later(at.beforeEverything, 11_000));
    expect(await replay(sent[0]!, slack)).toEqual({ status: 200, text: "" });
    expect(await snapshot(slack)).toBe(before);
    expect(slack.fake.responses).toEqual([]);
  });

  it("is still ignored after Cohesion restarts on the same store", async () => {
    const store = new MemoryStore();
    slack = await SlackHarness.start({ now: at.checkin1Due, store });
    await slack.sweepAt(at.checkin1Due);
    const sent = recordRequests();
    await slack.press(slack.latestPostTo("ana", "Full check-in"), hardGoing);
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(1));
    await slack.stop();

    slack = await SlackHarness.start({ now: later(at.checkin1Due, 60_000), store });
    const before = await snapshot(slack);
    expect(await replay(sent[0]!, slack)).toEqual({ status: 200, text: "" });
    expect(await snapshot(slack)).toBe(before);
  });

  it("keeps only a short hash of each signature, and forgets it once the signature window has passed", async () => {
    slack = await SlackHarness.start();
    const sent = recordRequests();
    await slack.command("ana", "help");
    const first = Object.keys((await slack.store.readOrganisation()).platformData?.slack?.["seen"] ?? {});
    expect(first).toHaveLength(1);
    const signature = new Headers(sent[0]!.init.headers).get("x-slack-signature")!;
    expect(JSON.stringify(await slack.store.readOrganisation())).not.toContain(signature.slice(3, 15));

    slack.clock.set(later(at.beforeEverything, 12 * 60_000));
    await slack.command("ana", "pause");
    const seen = Object.keys((await slack.store.readOrganisation()).platformData?.slack?.["seen"] ?? {});
    expect(seen).toHaveLength(1);
    expect(seen).not.toEqual(first);
  });
});
