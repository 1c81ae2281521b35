import { afterEach, describe, expect, it } from "vitest";
import type { CohesionConfig } from "../../../src/core/setup/index.js";
import { toAddress } from "../../../src/kernel/address.js";
import { painTue } from "../../support/flows.js";
import { installed, personalChat } from "./activities.js";
import { cardText, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

const reminderKey = (person: string) => `reminder:pain-tue:1:teams:${person}`;

async function reminderEntry(id: string) {
  return (await teams.store.readGroup("pain-tue")).outbox[reminderKey(id)];
}

// The orientation comes an hour before session 1 here, so the reminder is the only message due at 18:00.
const lateOrientation = (organisation: CohesionConfig["organisation"]) => ({
  ...organisation,
  timing: { ...organisation.timing, orientationHoursBefore: 1 },
});

async function withAnaInstalled(): Promise<void> {
  teams = await startTeams({ now: "2026-11-30T17:00:00Z", organisation: lateOrientation });
  await teams.post(installed("ana", teams.connector.url));
  await teams.sweepAt("2026-11-30T17:00:00Z");
  teams.connector.calls.length = 0;
}

const anaId = "6f1c2a10-0000-4000-8000-000000000001";

describe("delivering to Teams when Teams pushes back", () => {
  it("waits as long as Teams asks after a 429 and delivers the reminder once", async () => {
    await withAnaInstalled();
    teams.connector.failNext({ status: 429, retryAfter: "3" });
    await teams.sweepAt(painTue.reminder1);
    expect(teams.connector.calls.filter((c) => c.conversationId === personalChat("ana")).map((c) => c.status)).toEqual([
      429, 201,
    ]);
    expect(teams.waits).toContain(3000);
    expect((await reminderEntry(anaId))?.status).toBe("sent");
  });

  it.each([412, 502, 504])("retries a %i with growing, jittered waits", async (status) => {
    await withAnaInstalled();
    teams.connector.failNext({ status }, { status });
    await teams.sweepAt(painTue.reminder1);
    expect(teams.connector.posted(personalChat("ana"))).toHaveLength(1);
    // random() is 0.5 in tests, so the jitter factor is exactly 1.
    expect(teams.waits.filter((ms) => ms >= 1000)).toEqual([1000, 2000]);
  });

  it("hands a failure that lasts back to the outbox, which tries again later", async () => {
    await withAnaInstalled();
    teams.connector.failNext({ status: 502 }, { status: 502 }, { status: 502 }, { status: 502 });
    await teams.sweepAt(painTue.reminder1);
    expect(await reminderEntry(anaId)).toMatchObject({ status: "retrying", error: "teams-http-502" });
    await teams.sweepAt("2026-11-30T18:02:00Z");
    expect(await reminderEntry(anaId)).toMatchObject({ status: "sent" });
    expect(teams.connector.posted(personalChat("ana"))).toHaveLength(1);
  });

  it("passes a long Retry-After to the outbox instead of holding everyone else up", async () => {
    await withAnaInstalled();
    teams.connector.failNext({ status: 429, retryAfter: "600" });
    await teams.sweepAt(painTue.reminder1);
    const entry = await reminderEntry(anaId);
    expect(entry).toMatchObject({ status: "retrying", error: "teams-throttled" });
    expect(new Date(entry?.nextAttemptAt ?? 0).getTime() - new Date(painTue.reminder1).getTime()).toBe(600_000);
    expect(teams.waits.every((ms) => ms < 30_000)).toBe(true);
  });

  it("does not retry a member who removed or blocked the app (403/404), and tells the leads once", async () => {
    teams = await startTeams({ now: "2026-11-30T17:00:00Z" });
    for (const person of ["ana", "ben", "okafor", "sam"] as const)
      await teams.post(installed(person, teams.connector.url));
    teams.connector.failConversation(personalChat("ana"), 403);
    teams.connector.failConversation(personalChat("ben"), 404);
    await teams.sweepAt(painTue.reminder1);
    // The late orientation's three messages and the reminder, each tried once.
    expect(teams.connector.calls.filter((c) => c.conversationId === personalChat("ana"))).toHaveLength(4);
    expect(await reminderEntry(anaId)).toMatchObject({ status: "failed", error: "recipient-gone" });
    await teams.sweepAt("2026-11-30T18:01:00Z");
    await teams.sweepAt("2026-11-30T18:02:00Z");
    const notices = teams.connector
      .posted(personalChat("okafor"))
      .filter((c) => cardText(lastCard([c]).card).includes("can't be reached"));
    expect(notices).toHaveLength(2);
    expect(cardText(lastCard(notices).card)).toMatch(/removed or blocked the app/);
  });

  it("does not retry when Teams refuses the bot's credentials (401), and logs only a code", async () => {
    await withAnaInstalled();
    teams.connector.failNext({ status: 401 });
    await teams.sweepAt(painTue.reminder1);
    expect(teams.connector.calls).toHaveLength(1);
    expect(await reminderEntry(anaId)).toMatchObject({ status: "failed", error: "teams-unauthorized" });
    expect(JSON.stringify(teams.logger.lines)).not.toContain(anaId);
  });
});

describe("delivering to Teams when it cannot be reached", () => {
  it("retries later when Teams refused the connection, so nothing was posted", async () => {
    await withAnaInstalled();
    await teams.connector.stop();
    await teams.sweepAt(painTue.reminder1);
    expect(await reminderEntry(anaId)).toMatchObject({ status: "retrying", error: "teams-unreachable" });
  });

  it("does not retry a message whose answer never came (a timeout), since Teams may have posted it", async () => {
    let attempts = 0;
    const timingOut: typeof fetch = async () => {
      attempts += 1;
      throw new DOMException("The operation timed out.", "TimeoutError");
    };
    teams = await startTeams({ now: painTue.reminder1, platform: { fetch: timingOut } });
    await teams.post(installed("ana", teams.connector.url));
    await teams.sweepAt(painTue.reminder1);
    expect(await reminderEntry(anaId)).toMatchObject({ status: "failed", error: "outcome-unknown" });
    // The late orientation's three messages and the reminder, each tried once.
    expect(attempts).toBe(4);
  });

  it("does not send again a reminder a stopped process had claimed, since it may have reached Teams", async () => {
    await withAnaInstalled();
    const claimedAt = new Date(painTue.reminder1);
    await teams.store.updateGroup("pain-tue", (state) => {
      const key = reminderKey(anaId);
      const delivery = {
        key,
        kind: "reminder" as const,
        groupId: "pain-tue",
        session: 1,
        recipient: toAddress(`teams:${anaId}`),
      };
      state.outbox[key] = {
        delivery: { ...delivery, dueAt: claimedAt.toISOString(), expiresAt: "2026-12-01T18:00:00.000Z" },
        status: "claimed",
        updatedAt: claimedAt.toISOString(),
        attempts: 1,
      };
    });
    await teams.sweepAt(new Date(claimedAt.getTime() + 10 * 60_000).toISOString());
    expect(await reminderEntry(anaId)).toMatchObject({ status: "failed", error: "outcome-unknown", attempts: 2 });
    expect(teams.connector.calls.filter((c) => c.conversationId === personalChat("ana"))).toEqual([]);
  });
});
