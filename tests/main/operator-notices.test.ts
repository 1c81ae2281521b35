import { afterEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/kernel/errors.js";
import { operator, startOnStandIn, type StandInRun } from "./stand-in-platform.js";

let run: StandInRun | undefined;
afterEach(async () => {
  await run?.chat.stop();
  run = undefined;
});

const codes = (r: StandInRun) => r.logger.lines.map((line) => line.fields["code"]).filter((code) => code !== undefined);

/** Sweeps and looks for trouble once a minute for `minutes` minutes. */
async function minutesPass(r: StandInRun, minutes: number, sweeping: boolean): Promise<void> {
  for (let i = 0; i < minutes; i += 1) {
    r.advanceMinutes(1);
    if (sweeping) await r.chat.sweep();
    await r.chat.lookForTrouble();
  }
}

describe("telling the operators about delivery trouble", () => {
  it("tells them once when no sweep has succeeded for 10 minutes, and once when one does", async () => {
    run = await startOnStandIn();
    await run.chat.sweep();
    await minutesPass(run, 9, false);
    expect(run.messenger.textsTo(operator)).toEqual([]);
    await minutesPass(run, 3, false);
    expect(run.messenger.textsTo(operator)).toHaveLength(1);
    expect(run.messenger.textsTo(operator)[0]).toContain(
      "No outbox sweep has completed for 10 minutes (deliveries-stalled).",
    );
    await minutesPass(run, 2, true);
    expect(run.messenger.textsTo(operator)).toHaveLength(2);
    expect(run.messenger.textsTo(operator)[1]).toBe(
      "Cohesion: deliveries recovered at 2026-11-27 18:13 UTC, after 3 minutes of trouble. Messages are going out again.",
    );
    await minutesPass(run, 5, true);
    expect(run.messenger.textsTo(operator)).toHaveLength(2);
    expect(codes(run).filter((code) => code === "deliveries-in-trouble")).toHaveLength(1);
    expect(codes(run).filter((code) => code === "deliveries-recovered")).toHaveLength(1);
  });

  it("tells them once a platform has been down for 5 minutes, with its code", async () => {
    run = await startOnStandIn();
    run.setHealth({ ok: false, detail: "socket-disconnected" });
    await minutesPass(run, 5, true);
    expect(run.messenger.textsTo(operator)).toEqual([]);
    await minutesPass(run, 3, true);
    expect(run.messenger.textsTo(operator)).toHaveLength(1);
    expect(run.messenger.textsTo(operator)[0]).toContain("Slack has been down for 5 minutes (socket-disconnected).");
    run.setHealth({ ok: true, detail: "socket-connected" });
    await minutesPass(run, 2, true);
    expect(run.messenger.textsTo(operator)).toHaveLength(2);
    expect(run.messenger.textsTo(operator)[1]).toContain("deliveries recovered");
  });

  it("tries an operator it could not reach again at the next look, and tells no one twice", async () => {
    const other = "slack:U0SECOND";
    run = await startOnStandIn([operator, other]);
    let refusals = 1;
    run.messenger.failFor = (to) =>
      to === operator && refusals-- > 0 ? new DeliveryError("slack-service_unavailable", true) : undefined;
    await minutesPass(run, 11, false);
    expect(run.messenger.textsTo(operator)).toHaveLength(1);
    expect(run.messenger.textsTo(other)).toHaveLength(1);
    expect(run.logger.lines.find((line) => line.fields["code"] === "operator-notice-not-sent")?.fields).toEqual({
      code: "operator-notice-not-sent",
      notice: "deliveries-in-trouble",
      error: "slack-service_unavailable",
    });
  });

  it("sends nothing when no operators are set, says so at start-up, and still logs the trouble", async () => {
    run = await startOnStandIn([]);
    expect(run.logger.lines[0]).toMatchObject({ level: "warn", fields: { code: "no-operators" } });
    await minutesPass(run, 11, false);
    expect(run.messenger.sent).toEqual([]);
    expect(run.logger.lines.find((line) => line.fields["code"] === "deliveries-in-trouble")?.fields).toEqual({
      code: "deliveries-in-trouble",
      troubles: ["deliveries-stalled"],
    });
  });

  it("logs codes and counts only, never an operator's address", async () => {
    run = await startOnStandIn();
    await minutesPass(run, 11, false);
    await minutesPass(run, 1, true);
    expect(JSON.stringify(run.logger.lines)).not.toMatch(/U0OPERATOR|slack:/);
  });
});
