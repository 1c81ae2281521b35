import { describe, expect, it } from "vitest";
import type { Aggregate, SessionClimate } from "../../../src/core/climate/index.js";
import { bySubscale, checkinPromptId, painTue, putForm, putPulse, putSession1Answers } from "../../support/flows.js";
import { at, painTueWorld, sweepAt } from "../../support/outbox-helpers.js";
import type { World } from "../../support/world.js";
import { climateAt, withState } from "./climate-helpers.js";

const okafor = "console:okafor";

function engaged(climate: SessionClimate | undefined): number | undefined {
  const aggregate: Aggregate | undefined = climate?.subscales.get("engaged");
  return aggregate?.shown ? aggregate.mean : undefined;
}

/** pain-tue with session 1's check-in sent to all 8 members and answered by ana, ben, carla, dev and erin (Engaged 4.4). */
async function sessionOneAnswered(): Promise<World> {
  const world = painTueWorld();
  for (const instant of [at.beforeEverything, at.checkin1Due]) await sweepAt(world, instant);
  await withState(world, (state) => putSession1Answers(state, painTue.checkin1));
  return world;
}

async function lead(world: World, text: string, when: string): Promise<void> {
  world.clock.set(when);
  await world.interactions.handle({ type: "command", from: okafor, text });
}

async function climatesAt(world: World, now: string): Promise<SessionClimate[]> {
  return climateAt(world, await world.store.readGroup("pain-tue"), now);
}

describe("response rates count only members who were active at the session", () => {
  it("members who withdrew or died before answering leave the denominator; answers given before leaving still count", async () => {
    const world = await sessionOneAnswered();
    await lead(world, "status pain-tue femi withdrawn confirm", "2026-12-02T10:00:00Z");
    await lead(world, "status pain-tue grace deceased confirm", "2026-12-02T11:00:00Z");
    await lead(world, "status pain-tue ana deceased confirm", "2026-12-02T12:00:00Z");
    const [one] = await climatesAt(world, painTue.closes1);
    expect(one).toMatchObject({ invited: 6, respondents: 5, responseRate: 5 / 6, forms: 5 });
    expect(engaged(one)).toBeCloseTo(4.4, 10);
  });

  it("members who had left before a session are not among those who could attend it", async () => {
    const world = await sessionOneAnswered();
    await lead(world, "status pain-tue femi withdrawn confirm", "2026-12-02T10:00:00Z");
    await lead(world, "status pain-tue grace deceased confirm", "2026-12-02T11:00:00Z");
    await lead(world, "status pain-tue hugo hospitalised", "2026-12-02T12:00:00Z");
    const [one, two] = await climatesAt(world, painTue.start2);
    expect(one?.attendance.of).toBe(8);
    expect(two?.attendance.of).toBe(6);
  });

  it("a change after the answers closed leaves the published figures alone", async () => {
    const world = await sessionOneAnswered();
    const published = await climatesAt(world, painTue.closes1);
    await lead(world, "status pain-tue femi withdrawn confirm", "2026-12-05T10:00:00Z");
    expect((await climatesAt(world, painTue.start2))[0]).toMatchObject({ invited: published[0]?.invited });
  });
});

describe("answers from members who were absent stay out of the session's climate", () => {
  it("a member a lead recorded absent", async () => {
    const world = await sessionOneAnswered();
    await withState(world, (state) => {
      putForm(state, "console:femi", 1, bySubscale(0, 6, 6), painTue.checkin1);
      putPulse(state, "console:femi", 1, 1, painTue.checkin1);
    });
    expect(engaged((await climatesAt(world, painTue.closes1))[0])).toBeCloseTo(3.67, 2);

    await lead(world, "attendance pain-tue 1 7 femi", "2026-12-02T09:00:00Z");
    const [one] = await climatesAt(world, painTue.closes1);
    expect(one).toMatchObject({ invited: 7, respondents: 5, forms: 5 });
    expect(engaged(one)).toBeCloseTo(4.4, 10);
    expect(one?.pulse).toMatchObject({ shown: true, mean: 4 });
  });

  it("a member who said they weren't there", async () => {
    const world = await sessionOneAnswered();
    await withState(world, (state) => putForm(state, "console:femi", 1, bySubscale(0, 6, 6), painTue.checkin1));
    const promptId = checkinPromptId(world, "console:femi");
    await world.interactions.handle({ type: "button", from: "console:femi", promptId, action: "not-there" });
    const [one] = await climatesAt(world, painTue.closes1);
    expect(one).toMatchObject({ invited: 7, respondents: 5 });
    expect(engaged(one)).toBeCloseTo(4.4, 10);
  });

  it("but not when the lead's record came after the answers closed, so no published figure changes", async () => {
    const world = await sessionOneAnswered();
    const before = (await climatesAt(world, painTue.closes1))[0];
    await lead(world, "attendance pain-tue 1 7 ana", "2026-12-05T09:00:00Z");
    const after = (await climatesAt(world, painTue.start2))[0];
    expect(after).toMatchObject({ invited: before?.invited, respondents: before?.respondents });
    expect(engaged(after)).toBe(engaged(before));
  });
});
