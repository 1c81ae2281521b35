import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../../src/kernel/errors.js";
import { backoffMs, teamsRetryPolicy, withRetries } from "../../../src/platforms/teams/deliver/retrying.js";

function recordingTimer() {
  const waits: number[] = [];
  return { waits, timer: { now: () => 0, sleep: async (ms: number) => void waits.push(ms) } };
}

describe("retrying Teams' temporary failures", () => {
  it("backs off exponentially with jitter between half and one and a half times the step", () => {
    expect(backoffMs(teamsRetryPolicy, 1, undefined, () => 0)).toBe(500);
    expect(backoffMs(teamsRetryPolicy, 2, undefined, () => 0.5)).toBe(2000);
    expect(backoffMs(teamsRetryPolicy, 3, undefined, () => 0.999)).toBeCloseTo(5996);
    expect(backoffMs(teamsRetryPolicy, 1, 7, () => 0.5)).toBe(7000);
  });

  it("gives up after four tries with the last error, so the outbox can try later", async () => {
    const { waits, timer } = recordingTimer();
    let tries = 0;
    const failing = () => {
      tries += 1;
      return Promise.reject(new DeliveryError("teams-http-504", true));
    };
    await expect(withRetries(failing, timer, () => 0.5)).rejects.toMatchObject({ code: "teams-http-504" });
    expect(tries).toBe(4);
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it("never retries a permanent failure", async () => {
    const { waits, timer } = recordingTimer();
    await expect(
      withRetries(
        () => Promise.reject(new DeliveryError("recipient-gone", false)),
        timer,
        () => 0.5,
      ),
    ).rejects.toMatchObject({ code: "recipient-gone" });
    expect(waits).toEqual([]);
  });
});
