import { describe, expect, it } from "vitest";
import { organisationSchema } from "../../../src/core/setup/index.js";

describe("the privacy floor", () => {
  it("can't be configured below 3", () => {
    const organisation = (minResponses: number) => ({ name: "Clinic", privacy: { minResponses } });
    const refused = organisationSchema.safeParse(organisation(2));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/at least 3/);
    expect(organisationSchema.safeParse(organisation(0)).success).toBe(false);
    expect(organisationSchema.parse(organisation(3)).privacy.minResponses).toBe(3);
    expect(organisationSchema.parse({ name: "Clinic" }).privacy.minResponses).toBe(5);
  });
});
