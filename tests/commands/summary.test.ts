import { describe, expect, it } from "vitest";
import {
  bySubscale,
  checkinPromptId,
  command,
  gcqAnswers,
  members,
  painTue,
  replyText,
  rsvpPromptId,
  session1Forms,
  sweepAt,
} from "../support/flows.js";
import { makeWorld, type World } from "../support/world.js";

const okafor = "console:okafor";
const lindqvist = "console:lindqvist";
const careTeam = "console:care-team";
const [ana = "", ben = "", carla = "", dev = "", erin = "", femi = "", grace = "", hugo = ""] = members;

const refusal =
  "That is for the group's leads and care team, so I can't share it here. If you'd like to talk about how the group is going, your leads will be glad to.";
const otherGroup =
  'I can\'t show you a group called "pain-tue". Summaries of a group are for its leads and care team; yours are: segt-thu.';

async function ok(world: World, raw: unknown): Promise<void> {
  expect(replyText(await world.interactions.handle(raw))).toMatch(/thank|Lovely/i);
}

/**
 * Session 1 of pain-tue, the way members would live it:
 * ana, ben, carla, dev and erin say they'll come, femi can't; the seven others get a check-in.
 * The five send full forms and a pulse; grace only taps the pulse.
 *   Engaged  4, 4, 4, 5, 5 -> 4.4; Avoiding 2, 2, 2, 2, 1 -> 1.8; Conflict 1, 1, 0, 0, 0 -> 0.4
 *   Pulse    4, 4, 3, 5, 4, 2 -> 3.7 (22 / 6)
 */
async function session1(): Promise<World> {
  const world = makeWorld();
  await sweepAt(world, painTue.reminder1);
  for (const member of [ana, ben, carla, dev, erin])
    await ok(world, { type: "button", from: member, promptId: rsvpPromptId(world, member), action: "rsvp-yes" });
  await ok(world, { type: "button", from: femi, promptId: rsvpPromptId(world, femi), action: "rsvp-no" });
  await sweepAt(world, painTue.checkin1);
  expect(() => checkinPromptId(world, femi)).toThrow();
  for (const [member, values, pulse] of session1Forms) {
    const promptId = checkinPromptId(world, member);
    await ok(world, { type: "choice", from: member, promptId, itemId: "pulse-1", value: pulse });
    await ok(world, { type: "form", from: member, promptId, answers: gcqAnswers(values) });
  }
  await ok(world, {
    type: "choice",
    from: grace,
    promptId: checkinPromptId(world, grace),
    itemId: "pulse-1",
    value: 2,
  });
  return world;
}

describe("summary for a group's lead", () => {
  it("shows each session's Engaged/Avoiding/Conflict to one decimal, responses and RSVPs, once the window has closed", async () => {
    const world = await session1();
    world.clock.set(painTue.closes1);
    const text = await command(world, okafor, "summary pain-tue");
    expect(text).toContain("Climate summary: Chronic pain skills, Tuesday evening");
    expect(text).toMatch(/Engaged \d\.\d/);
    expect(text).toContain("*Session 1* · Tuesday 1 December");
    expect(text).toContain("Engaged 4.4 · Avoiding 1.8 · Conflict 0.4 · 5 full check-ins");
    expect(text).toContain("Pulse 3.7 (6 answers) · Responses 6 of 7 (86%) · RSVP 5 yes, 1 can't come");
  });

  it("shows the care team no figures while answers are still coming in, and a late answer only counts once the window closes", async () => {
    const world = await session1();
    world.clock.advanceHours(24);
    const collecting = await command(world, careTeam, "summary pain-tue");
    expect(collecting).toContain("Collecting answers until Friday 4 December, 19:30: figures appear once it closes.");
    expect(collecting).toContain("Responses 6 of 7 (86%) so far · RSVP 5 yes, 1 can't come");
    expect(collecting).not.toMatch(/(Engaged|Avoiding|Conflict|Pulse) \d/);

    // hugo answers a minute before the window closes: still nothing published.
    world.clock.set(new Date(Date.parse(painTue.closes1) - 60_000));
    await ok(world, {
      type: "form",
      from: hugo,
      promptId: checkinPromptId(world, hugo),
      answers: gcqAnswers(bySubscale(6, 0, 0)),
    });
    expect(await command(world, careTeam, "summary pain-tue")).not.toMatch(/(Engaged|Avoiding|Conflict|Pulse) \d/);

    // Once closed, hugo's form is in: Engaged 28/6 = 4.7, Avoiding 9/6 = 1.5, Conflict 2/6 = 0.3.
    world.clock.set(painTue.closes1);
    const published = await command(world, careTeam, "summary pain-tue");
    expect(published).toContain("Engaged 4.7 · Avoiding 1.5 · Conflict 0.3 · 6 full check-ins");
    expect(published).toContain("Responses 7 of 7 (100%)");

    // After that, answers are refused and the published figures never change.
    const late = await world.interactions.handle({
      type: "form",
      from: carla,
      promptId: checkinPromptId(world, carla),
      answers: gcqAnswers(bySubscale(0, 6, 6)),
    });
    expect(replyText(late)).toMatch(/has closed/);
    world.clock.advanceHours(1);
    expect(await command(world, careTeam, "summary pain-tue")).toBe(published);
  });

  it("shows the group's own leads provisional figures while answers are still coming in, marked so", async () => {
    const world = await session1();
    world.clock.advanceHours(24);
    const text = await command(world, okafor, "summary pain-tue");
    expect(text).toContain(
      "Provisional, answers open until Friday 4 December, 19:30: Engaged 4.4 · Avoiding 1.8 · Conflict 0.4 · 5 full check-ins",
    );
    expect(text).toContain("figures from 3 answers, provisional while answers are open");
  });

  it("uses the lead's only group when none is named", async () => {
    const world = await session1();
    world.clock.set(painTue.closes1);
    expect(await command(world, okafor, "summary")).toBe(await command(world, okafor, "summary pain-tue"));
    expect(await command(world, "console:sam", "summary")).toBe(await command(world, okafor, "summary pain-tue"));
    expect(await command(world, lindqvist, "summary")).toContain("Metastatic breast cancer support (SEGT), Thursday");
  });

  it("refuses the lead of another group", async () => {
    const world = await session1();
    world.clock.set(painTue.closes1);
    const text = await command(world, lindqvist, "summary pain-tue");
    expect(text).toBe(otherGroup);
    expect(text).not.toMatch(/\d/);
  });

  it("answers a group that doesn't exist exactly like one that isn't yours, naming the lead's own groups", async () => {
    const world = makeWorld();
    expect(await command(world, okafor, "summary pain-wed")).toBe(
      'I can\'t show you a group called "pain-wed". Summaries of a group are for its leads and care team; yours are: pain-tue.',
    );
  });

  it("shows the usage for too many or malformed arguments", async () => {
    const world = makeWorld();
    expect(await command(world, okafor, "summary pain-tue segt-thu")).toBe(
      "summary takes one group id. Usage: `summary <group> [share]`",
    );
    expect(await command(world, okafor, "summary Pain_Tue")).toBe(
      "expected lowercase letters, digits and dashes. Usage: `summary <group> [share]`",
    );
  });

  it("says so when no session has been held yet", async () => {
    const world = makeWorld();
    const text = await command(world, okafor, "summary pain-tue");
    expect(text).toContain("0 sessions held");
    expect(text).toContain("No sessions have been held yet.");
  });
});

describe("summary for the care team", () => {
  it("is allowed from the care team's address, or from anyone typing in its channel", async () => {
    const world = await session1();
    world.clock.set(painTue.closes1);
    const team = await command(world, careTeam, "summary pain-tue");
    expect(team).toContain("Engaged 4.4 · Avoiding 1.8 · Conflict 0.4 · 5 full check-ins");
    expect(team).not.toContain("Members:");
    expect(await command(world, "console:nurse-pat", "summary pain-tue", careTeam)).toBe(team);
    expect(await command(world, careTeam, "summary segt-thu")).toContain(
      "Metastatic breast cancer support (SEGT), Thursday",
    );
  });

  it("asks which group when the care team looks after more than one", async () => {
    const world = makeWorld();
    expect(await command(world, careTeam, "summary")).toBe("Which group? Yours are: pain-tue, segt-thu.");
  });
});

describe("summary for anyone else", () => {
  it("refuses a member kindly, without any figures", async () => {
    const world = await session1();
    world.clock.set(painTue.closes1);
    for (const text of ["summary pain-tue", "summary", "summary segt-thu", "summary nosuch-group"]) {
      const reply = await command(world, ana, text);
      expect(reply).toBe(refusal);
      expect(reply).not.toMatch(/Engaged|\d/);
    }
  });

  it("refuses someone outside every group, and a staff member typing outside the care team's channel", async () => {
    const world = makeWorld();
    expect(await command(world, "console:stranger", "summary pain-tue")).toBe(refusal);
    expect(await command(world, "console:nurse-pat", "summary pain-tue", "console:elsewhere")).toBe(refusal);
  });
});
