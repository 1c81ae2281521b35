import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const schema = JSON.parse(
  readFileSync(new URL("./fixtures/schemas/manifest.schema.1.0.0.json", import.meta.url), "utf8"),
) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv, ["uri"]);
const validate = ajv.compile(schema);

describe("Cohesion's Slack app manifests", () => {
  for (const file of ["manifest.yml", "manifest.socket-mode.yml"])
    it(`${file} is valid for Slack's published app manifest schema`, () => {
      const manifest = parse(readFileSync(new URL(`../../../slack/${file}`, import.meta.url), "utf8")) as {
        _metadata: { major_version: number };
      };
      expect(manifest._metadata.major_version).toBe(1);
      validate(manifest);
      expect(validate.errors ?? []).toEqual([]);
    });

  it("would be refused with a field Slack does not know", () => {
    const manifest = parse(readFileSync(new URL("../../../slack/manifest.yml", import.meta.url), "utf8")) as object;
    expect(validate({ ...manifest, display_information: { name: "Cohesion", colour: "red" } })).toBe(false);
  });
});
