import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const running = new Set<ChildProcess>();

/** Runs `npm start`'s entry point with the given stdin lines and returns everything it printed. */
function runConsole(
  dataDir: string,
  lines: string[],
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main/main.ts"], {
      cwd: root,
      env: { PATH: process.env["PATH"], DATA_DIR: dataDir, CONSOLE_START: "2026-11-27T18:00:00Z" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    running.add(child);
    child.on("close", (code) => {
      running.delete(child);
      resolve({ stdout, stderr, code });
    });
    child.stdin.end(lines.map((line) => `${line}\n`).join(""));
  });
}

const gcqAnswers = ["4", "3", "2", "5", "1", "0", "1", "s", "2", "0", "4", "1"];

const script = [
  "/clock +1d",
  "/clock +2d",
  "a",
  "/clock +1d",
  "/clock +2h",
  "4",
  "a",
  ...gcqAnswers,
  "/cohesion summary pain-tue",
  "/cohesion pause",
  "/clock +1w",
  "/cohesion resume",
  "/as lead okafor",
  "/cohesion help",
  "/clock +1w",
  "/clock +1w",
  "/clock +1w",
  "/clock +1w",
  "/clock +1w",
  "/clock +1w",
  "/clock +1w",
  "/cohesion summary pain-tue",
  "/quit",
];

describe("the local console, driving a whole 8-session group through stdin", () => {
  let dataDir: string;
  let output: { stdout: string; stderr: string; code: number | null };
  const seen = (marker: string) => output.stdout.indexOf(marker);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "cohesion-console-"));
    output = await runConsole(dataDir, script);
    // A whole course in simulated time: generous, so a busy machine slows it down but never fails it.
  }, 900_000);

  afterAll(async () => {
    for (const child of running) child.kill();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("starts with no chat credentials and ends cleanly", () => {
    expect(output.stderr).toBe("");
    expect(output.code).toBe(0);
    expect(output.stdout).toContain("Cohesion · local console · Riverside Integrated Care (demo)");
    expect(output.stdout).toContain("Goodbye.");
  });

  it("orients the member before the first session with agreements, role and skills", () => {
    const orientation = seen("── Cohesion → you (ana, member) · Saturday 28 November, 18:00 ──");
    expect(orientation).toBeGreaterThan(0);
    for (const heading of [
      "What to expect",
      "What we agree on together",
      "Your part",
      "Helpful things to bring",
      "Confidentiality",
    ])
      expect(output.stdout.indexOf(heading, orientation)).toBeGreaterThan(orientation);
  });

  it("reminds the member the day before with the topic, the logistics and an RSVP that is confirmed", () => {
    const reminder = seen("── Cohesion → you (ana, member) · Monday 30 November, 18:00 ──");
    expect(reminder).toBeGreaterThan(0);
    const text = output.stdout.slice(reminder, seen("Lovely, thank you. See you there."));
    expect(text).toContain("Your Tuesday group meets tomorrow at 18:00.");
    expect(text).toContain("Session 1: Relaxation I");
    expect(text).toContain("Where: Room 2.14");
    expect(text).toContain("[a] I'll be there");
  });

  it("checks in after the session: the pulse and the full form are saved with a warm thank-you", () => {
    const checkin = seen("── Cohesion → you (ana, member) · Tuesday 1 December, 19:45 ──");
    expect(checkin).toBeGreaterThan(0);
    expect(output.stdout.indexOf("How was today's session for you?", checkin)).toBeGreaterThan(checkin);
    expect(output.stdout.indexOf("Thank you, that's saved.", checkin)).toBeGreaterThan(checkin);
    expect(output.stdout).toContain("(1/12) The members liked and cared about each other.");
    expect(output.stdout).toContain("(12/12) The members appeared tense and anxious.");
    expect(output.stdout).toContain(
      "Thank you for taking the time. Your answers are saved and go only to your group leaders.",
    );
  });

  it("refuses a member who asks for the summary, kindly and without numbers", () => {
    const refusal = seen("That is for the group's leads and care team");
    expect(refusal).toBeGreaterThan(0);
    expect(output.stdout.slice(refusal, seen("I've paused your reminders"))).not.toMatch(/Engaged \d/);
  });

  it("sends no reminder to a paused member, and resumes on request", () => {
    const paused = seen("I've paused your reminders and check-ins.");
    const resumed = seen("Welcome back. Your reminders and check-ins are on again.");
    expect(paused).toBeGreaterThan(0);
    expect(resumed).toBeGreaterThan(paused);
    expect(output.stdout.slice(paused, resumed)).not.toContain("── Cohesion → you (ana, member)");
    expect(output.stdout.slice(paused, resumed)).toContain(
      "(simulated) to ben (member): Your Tuesday group meets tomorrow at 18:00.",
    );
  });

  it("shows messages to the simulated others as one marked line, and they answer by themselves", () => {
    expect(output.stdout).toMatch(/· \(simulated\) to ben \(member\): Welcome to your Tuesday group\./);
    expect(output.stdout).toMatch(/· ben replied to the RSVP/);
    expect(output.stdout).toMatch(/· carla answered the check-in/);
  });

  it("nudges members who did not answer", () => {
    expect(output.stdout).toMatch(/\(simulated\) to \w+ \(member\): If you have a moment: how was the session on/);
  });

  it("lists every command in help, generated from the definitions", () => {
    const help = seen("What you can ask Cohesion");
    for (const usage of ["help:", "summary <group> [share]:", "pause:", "resume:"])
      expect(output.stdout.indexOf(usage, help)).toBeGreaterThan(help);
  });

  it("posts the care-team digest, which the lead sees in full", () => {
    expect(output.stdout).toMatch(
      /── Cohesion → care-team \(the care team channel\) · .* ──\nDigest after session 2: Chronic pain skills, Tuesday evening/,
    );
  });

  it("gives the lead a summary of all 8 sessions with group means to one decimal", () => {
    const summary = output.stdout.lastIndexOf("Climate summary: Chronic pain skills, Tuesday evening");
    const text = output.stdout.slice(summary);
    expect(text).toContain("8 sessions held");
    expect(text).toContain("Session 8 · Tuesday 19 January · Spirituality, pain and suffering");
    expect(text).toMatch(/Engaged \d\.\d .*· Avoiding \d\.\d .*· Conflict \d\.\d/);
    expect(text).toMatch(/Responses \d of \d/);
    expect(text).toContain("Baseline (the group's first two sessions with enough answers)");
  });
});
