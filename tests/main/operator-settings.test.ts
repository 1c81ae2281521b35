import { describe, expect, it } from "vitest";
import { organisationSchema } from "../../src/core/setup/index.js";

describe("the organisation's operators setting", () => {
  it("is empty unless set", () => {
    expect(organisationSchema.parse({ name: "Clinic" }).operators).toEqual([]);
  });

  it("takes addresses on any platform", () => {
    const operators = ["slack:U0123ABCDE", "teams:29:1abc", "slack:C0OPSCHANNEL"];
    expect(organisationSchema.parse({ name: "Clinic", operators }).operators).toEqual(operators);
  });

  it("refuses something that is not an address, naming where it is and what was expected", () => {
    const issue = organisationSchema.safeParse({ name: "Clinic", operators: ["slack:U0123ABCDE", "ops@clinic.org"] })
      .error?.issues[0];
    expect(issue?.path).toEqual(["operators", 1]);
    expect(issue?.message).toBe("expected an address such as slack:U123, teams:<id> or console:<name>");
  });

  it("refuses more than ten", () => {
    const operators = Array.from({ length: 11 }, (_, i) => `slack:U0OPS${i}`);
    expect(organisationSchema.safeParse({ name: "Clinic", operators }).success).toBe(false);
  });
});
