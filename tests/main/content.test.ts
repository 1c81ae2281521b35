import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadContent, shippedInstrumentsDir, shippedProgramsDir } from "../../src/main/content.js";
import { StartupError } from "../../src/kernel/errors.js";

const fixtures = fileURLToPath(new URL("./fixtures/content", import.meta.url));
const shipped = { programsDirs: [shippedProgramsDir], instrumentsDirs: [shippedInstrumentsDir] };

function startupError(load: () => unknown): StartupError {
  try {
    load();
  } catch (error) {
    if (error instanceof StartupError) return error;
    throw error;
  }
  throw new Error("expected a StartupError");
}

describe("shipped content", () => {
  const content = loadContent(shipped);

  it("has the three programs, the two core instruments and the distress thermometer", () => {
    expect([...content.programs.keys()].sort()).toEqual(["chronic-pain-8", "generic", "segt"]);
    expect([...content.instruments.keys()].sort()).toEqual(["distress-thermometer", "gcq-s", "pulse"]);
  });

  it("ships the distress thermometer as one item on 0-10, its ends named", () => {
    const dt = content.instruments.get("distress-thermometer");
    expect(dt?.items.map((item) => item.id)).toEqual(["dt-1"]);
    expect(dt?.scale).toMatchObject({ min: 0, max: 10 });
    expect([dt?.scale.labels[0], dt?.scale.labels[10]]).toEqual(["No distress", "Extreme distress"]);
  });

  it("runs the chronic pain course's eight sessions in order, each with a practice", () => {
    const course = content.programs.get("chronic-pain-8");
    expect(course?.format).toBe("course");
    expect(course?.sessions.map((s) => s.topic)).toEqual([
      "Relaxation I: breathing and muscle relaxation",
      "Relaxation II: adding visualisation",
      "Coping styles",
      "Coping with changes in your life",
      "Guided imagery I",
      "Guided imagery II",
      "Medications and alternative options",
      "Spirituality, pain and suffering",
    ]);
    expect(course?.sessions.every((s) => s.practice !== undefined)).toBe(true);
  });

  it("rotates the supportive-expressive group through its eight foci", () => {
    const segt = content.programs.get("segt");
    expect(segt?.format).toBe("open-ended");
    expect(segt?.sessions).toHaveLength(8);
  });

  it("gives every program the four group agreements", () => {
    for (const program of content.programs.values()) {
      expect(program.preparation.agreements.map((a) => a.title)).toEqual(
        expect.arrayContaining(["Confidentiality", "Attendance", "Speaking for yourself", "Respect"]),
      );
      expect(program.preparation.expectations).toContain("confidential to your group leaders");
      expect(JSON.stringify(program).toLowerCase()).not.toContain("anonymous");
    }
  });

  it("has the GCQ-S with 12 items on a 0-6 scale and the one-item pulse", () => {
    const gcq = content.instruments.get("gcq-s");
    expect(gcq?.items.map((i) => i.id)).toEqual(Array.from({ length: 12 }, (_, i) => `gcq-${i + 1}`));
    expect(gcq?.scale).toEqual({
      min: 0,
      max: 6,
      labels: ["Not at all", "A little bit", "Somewhat", "Moderately", "Quite a bit", "A great deal", "Extremely"],
    });
    expect(gcq?.items[2]).toEqual({
      id: "gcq-3",
      text: "The members avoided looking at important issues going on between themselves.",
      subscale: "avoiding",
      reverse: false,
    });
    const pulse = content.instruments.get("pulse");
    expect(pulse?.items.map((i) => i.id)).toEqual(["pulse-1"]);
    expect(pulse?.scale.labels).toHaveLength(5);
  });
});

describe("clinic content", () => {
  it("adds a clinic's programs and instruments after the shipped ones", () => {
    const content = loadContent({
      programsDirs: [shippedProgramsDir, join(fixtures, "clinic-programs")],
      instrumentsDirs: [shippedInstrumentsDir, join(fixtures, "clinic-instruments")],
    });
    expect(content.programs.get("sleep-skills")?.sessions).toHaveLength(2);
    expect(content.programs.has("chronic-pain-8")).toBe(true);
    expect(content.instruments.get("session-check")?.items[2]?.reverse).toBe(true);
  });

  it("names the file and the field when an instrument has the wrong number of labels", () => {
    const error = startupError(() =>
      loadContent({ ...shipped, instrumentsDirs: [shippedInstrumentsDir, join(fixtures, "bad-labels")] }),
    );
    expect(error.message).toContain(
      `${join(fixtures, "bad-labels", "wrong-labels.yaml")}: scale.labels: expected 5 labels`,
    );
  });

  it("names the file and the item when an item's subscale is unknown", () => {
    const error = startupError(() =>
      loadContent({ ...shipped, instrumentsDirs: [shippedInstrumentsDir, join(fixtures, "bad-subscale")] }),
    );
    expect(error.message).toContain(
      `${join(fixtures, "bad-subscale", "unknown-subscale.yaml")}: items.2.subscale: unknown subscale "tension"`,
    );
  });

  it("names the file and the field of an invalid program", () => {
    const error = startupError(() =>
      loadContent({ ...shipped, programsDirs: [shippedProgramsDir, join(fixtures, "bad-program")] }),
    );
    expect(error.message).toContain(`${join(fixtures, "bad-program", "broken-course.yaml")}: sessions.1.summary`);
  });

  it("refuses a clinic program whose id is already taken, naming both files", () => {
    const error = startupError(() =>
      loadContent({ ...shipped, programsDirs: [shippedProgramsDir, join(fixtures, "duplicate-program")] }),
    );
    expect(error.message).toContain(join(fixtures, "duplicate-program", "generic.yaml"));
    expect(error.message).toContain(join(shippedProgramsDir, "generic.yaml"));
  });

  it("refuses a file whose name is not its id", () => {
    const error = startupError(() => loadContent({ ...shipped, programsDirs: [join(fixtures, "mismatched-id")] }));
    expect(error.message).toContain(join(fixtures, "mismatched-id", "wrong-name.yaml"));
    expect(error.message).toContain('"other-name"');
  });

  it("names a clinic directory that does not exist", () => {
    const missing = join(fixtures, "no-such-dir");
    const error = startupError(() => loadContent({ ...shipped, programsDirs: [shippedProgramsDir, missing] }));
    expect(error.message).toContain(missing);
  });

  it("requires the gcq-s and pulse instruments", () => {
    const error = startupError(() =>
      loadContent({ ...shipped, instrumentsDirs: [join(fixtures, "clinic-instruments")] }),
    );
    expect(error.message).toContain('"gcq-s"');
  });
});
