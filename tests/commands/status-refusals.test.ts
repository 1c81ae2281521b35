import { describe, expect, it } from "vitest";
import { toAddress } from "../../src/kernel/address.js";
import { careTeam, painTueWorld } from "../support/outbox-helpers.js";
import { makeWorld } from "../support/world.js";
import { ana, group, lindqvist, okafor, say, stored } from "./status-helpers.js";

const usage = "Usage: `status <group> <member> active|on-hold|hospitalised|withdrawn|deceased [confirm]`";

describe("status refuses kindly and changes nothing", () => {
  const cases: [string, string, string, string | RegExp][] = [
    [
      "the care team, even from its channel",
      careTeam,
      "status pain-tue ana on-hold",
      `A member's status is set by the leads of ${group}, so I haven't changed anything.`,
    ],
    ["a member", ana, "status pain-tue ben on-hold", /^That is for the group's leads and care team/],
    [
      "the lead of another group, who learns nothing about this one",
      lindqvist,
      "status pain-tue ana on-hold",
      'I can\'t show you a group called "pain-tue". Summaries of a group are for its leads and care team; yours are: segt-thu.',
    ],
    [
      "a name that is not a member",
      okafor,
      "status pain-tue zed on-hold",
      `I couldn't find "zed" among the members of ${group}. Name a member with an @mention, their address (such as slack:U123) or their name as Cohesion knows it. Nothing was changed.`,
    ],
    ["a lead named as the member", okafor, "status pain-tue sam on-hold", /^I couldn't find "sam" among the members/],
    [
      "a status Cohesion does not know",
      okafor,
      "status pain-tue ana away",
      `The status should be one of active, on-hold, hospitalised, withdrawn or deceased. ${usage}`,
    ],
    ["two members at once", okafor, "status pain-tue ana ben on-hold", `Name one member at a time. ${usage}`],
    ["no member", okafor, "status pain-tue on-hold", `status needs the group, the member and their status. ${usage}`],
  ];

  it.each(cases)("%s", async (_name, from, text, reply) => {
    const world = makeWorld();
    const answer = await say(world, from, text, from === careTeam ? careTeam : undefined);
    if (typeof reply === "string") expect(answer).toBe(reply);
    else expect(answer).toMatch(reply);
    expect(await stored(world)).toEqual({ memberStatus: {}, audit: [] });
  });
});

describe("withdrawn and deceased need a confirmation", () => {
  it("deceased: the first reply says what will happen and exactly what to type, and changes nothing", async () => {
    const world = painTueWorld();
    expect(await say(world, okafor, "status pain-tue ana deceased")).toBe(
      `ana will be marked deceased in ${group}. Cohesion will never send them another message of any kind, not even a reply, and from now on they no longer count in the group's figures.\nNothing has changed yet. To go ahead, type exactly:\n\`status pain-tue ana deceased confirm\``,
    );
    expect(await stored(world)).toEqual({ memberStatus: {}, audit: [] });
  });

  it("withdrawn: the same, naming the member the way the lead can type again (a Slack mention becomes an address)", async () => {
    const world = painTueWorld({ edit: (g) => ({ ...g, members: [...g.members, toAddress("slack:U0INES")] }) });
    const reply = await say(world, okafor, "status pain-tue <@U0INES|Ines Ruiz> withdrawn");
    expect(reply).toContain("will be marked withdrawn in");
    expect(reply).toContain("Every message to them stops at once, including any waiting to go out");
    expect(reply).toContain("`status pain-tue slack:U0INES withdrawn confirm`");
    expect(await stored(world)).toEqual({ memberStatus: {}, audit: [] });
  });

  it("leaving deceased needs a confirmation too, as it is only for putting right a mistake", async () => {
    const world = painTueWorld();
    await say(world, okafor, "status pain-tue ana deceased confirm");
    expect(await say(world, okafor, "status pain-tue ana active")).toContain(
      "ana will be marked active in Chronic pain skills, Tuesday evening. They are marked deceased: change this only to put right a mistake. Cohesion will then message them again.",
    );
    expect((await stored(world)).memberStatus[ana]).toHaveLength(1);
    await say(world, okafor, "status pain-tue ana active confirm");
    expect((await stored(world)).memberStatus[ana]?.at(-1)?.status).toBe("active");
  });

  it("on-hold and hospitalised need none, and `confirm` on them is harmless", async () => {
    const world = painTueWorld();
    expect(await say(world, okafor, "status pain-tue ana hospitalised confirm")).toContain(
      "is now marked hospitalised",
    );
  });
});
