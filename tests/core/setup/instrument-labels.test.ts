import { describe, expect, it } from "vitest";
import { instrumentSchema } from "../../../src/core/setup/index.js";

const thermometer = (labels: string[]) => ({
  id: "thermometer",
  title: "Thermometer",
  stem: "About you:",
  scale: { min: 0, max: 4, labels },
  subscales: [{ id: "distress", name: "Distress", higherIs: "concerning" }],
  items: [{ id: "t-1", text: "How are you?", subscale: "distress" }],
  maxMissing: 0,
});

describe("an instrument's scale labels", () => {
  it("may leave points between the ends unnamed", () => {
    expect(instrumentSchema.safeParse(thermometer(["None", "", "", "", "Extreme"])).success).toBe(true);
  });

  it("must name both ends", () => {
    const parsed = instrumentSchema.safeParse(thermometer(["None", "", "", "", ""]));
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(["the first and last points need a label"]);
  });
});
