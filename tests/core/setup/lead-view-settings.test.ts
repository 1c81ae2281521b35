import { describe, expect, it } from "vitest";
import { groupSchema, organisationSchema } from "../../../src/core/setup/index.js";
import { exampleConfig } from "../../support/example-setup.js";

const group = exampleConfig().groups[0]!;

describe("the leads' view settings", () => {
  it("default to leads' figures from 3 answers and a briefing 3 hours before each session", () => {
    const organisation = organisationSchema.parse({ name: "Clinic" });
    expect(organisation.privacy).toMatchObject({ minResponses: 5, leadMinResponses: 3 });
    expect(organisation.timing.briefingHoursBefore).toBe(3);
    expect(groupSchema.parse({ ...group, briefing: undefined }).briefing).toBe("on");
  });

  it("refuse leads' figures from fewer than 3 answers, saying why", () => {
    const result = organisationSchema.safeParse({ name: "Clinic", privacy: { leadMinResponses: 2 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["privacy", "leadMinResponses"],
      message: "must be at least 3: leads' figures start from 3 answers",
    });
  });

  it("let a group turn its briefing off, and refuse anything but on or off", () => {
    expect(groupSchema.parse({ ...group, briefing: "off" }).briefing).toBe("off");
    const result = groupSchema.safeParse({ ...group, briefing: "sometimes" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["briefing"], message: 'expected "on" or "off"' });
  });

  it("refuse a briefing hours before outside half an hour to two days", () => {
    for (const briefingHoursBefore of [0, 49])
      expect(organisationSchema.safeParse({ name: "Clinic", timing: { briefingHoursBefore } }).success).toBe(false);
  });
});
