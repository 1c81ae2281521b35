import { describe, expect, it } from "vitest";
import { emptyGroupState, groupStateSchema } from "../../../src/core/state.js";

describe("members' statuses in the stored group document", () => {
  it("a document written before statuses existed still loads, with every member active and nobody said absent", () => {
    const older: Record<string, unknown> = { ...emptyGroupState("pain-tue") };
    delete older["memberStatus"];
    delete older["saidAbsent"];
    const loaded = groupStateSchema.parse(older);
    expect(loaded.memberStatus).toEqual({});
    expect(loaded.saidAbsent).toEqual({});
  });

  it("refuses a status Cohesion does not know, so a damaged document is never read as active", () => {
    const state = {
      ...emptyGroupState("pain-tue"),
      memberStatus: { "console:ana": [{ status: "away", by: "console:okafor", at: "2026-12-01T10:00:00.000Z" }] },
    };
    expect(groupStateSchema.safeParse(state).success).toBe(false);
  });
});
