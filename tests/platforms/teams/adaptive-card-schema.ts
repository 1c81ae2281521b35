// Checks a card against the official Adaptive Cards 1.5 JSON schema (with Teams' `msteams` property allowed).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ErrorObject } from "ajv";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(new URL("./fixtures/schemas/adaptive-card-1.5.json", import.meta.url), "utf8"),
) as { id?: string; $id?: string; definitions: { AdaptiveCard: { properties: Record<string, unknown> } } };
// The published file names itself with draft-04's `id`, which ajv reads as `$id`.
schema.$id = schema.id;
delete schema.id;
// Teams reads `msteams` beside the card's own properties; the published schema forbids extra ones.
schema.definitions.AdaptiveCard.properties["msteams"] = { type: "object" };

// The schema is draft-06 and uses documentation keywords of its own (version, features), so strict mode is off.
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json") as object);
addFormats.default(ajv, ["uri", "uri-reference"]);
const validate = ajv.compile(schema);

function describe(error: ErrorObject): string {
  return `${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params)}`;
}

/** What the Adaptive Cards 1.5 schema finds wrong with a card (empty when it is valid). */
export function schemaProblems(card: unknown): string[] {
  if (validate(card)) return [];
  // anyOf branches report every alternative they tried; the deepest errors name the real problem.
  const errors = validate.errors ?? [];
  const deepest = Math.max(...errors.map((error) => error.instancePath.length));
  return errors.filter((error) => error.instancePath.length === deepest).map(describe);
}
