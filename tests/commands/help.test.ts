import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { command } from "../support/flows.js";
import { makeWorld } from "../support/world.js";

describe("help", () => {
  it("lists every command with its usage and summary, in order, for anyone", async () => {
    const world = makeWorld();
    for (const from of ["console:ana", "console:okafor", "console:care-team", "console:stranger"]) {
      const text = await command(world, from, "help");
      expect(text).toMatch(/What you can ask Cohesion/);
      const lines = text.split("\n").filter((line) => line.startsWith("•"));
      expect(lines).toEqual(commands.map((c) => `• \`${c.usage}\`: ${c.summary}`));
    }
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(["help", "summary", "pause", "resume"]));
  });

  it("is what an empty message gets, and ignores case and spacing", async () => {
    const world = makeWorld();
    const help = await command(world, "console:ana", "help");
    expect(await command(world, "console:ana", "")).toBe(help);
    expect(await command(world, "console:ana", "   HELP  ")).toBe(help);
  });

  it("suggests help for an unknown command", async () => {
    const world = makeWorld();
    expect(await command(world, "console:ana", "frobnicate now")).toBe(
      'I don\'t know "frobnicate". Try `help` to see what you can ask.',
    );
  });

  it("shows its usage when given too many arguments", async () => {
    const world = makeWorld();
    expect(await command(world, "console:ana", "help me please")).toBe("help takes no arguments. Usage: `help`");
  });
});
