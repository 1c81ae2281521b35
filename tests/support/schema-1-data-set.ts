// Where the schema-1 data set lives and the fixed key it is encrypted with (a test key, never a real one).
import { join } from "node:path";

/** The 32-byte test key the encrypted schema-1 data set is sealed with: base64 of "cohesion schema-1 test data key!". */
export const schema1KeyBase64 = "Y29oZXNpb24gc2NoZW1hLTEgdGVzdCBkYXRhIGtleSE=";

/** schema1KeyBase64 as bytes. */
export const schema1Key = Buffer.from(schema1KeyBase64, "base64");

/** The groups the data set holds. */
export const schema1Groups = ["pain-tue", "segt-thu"] as const;

/** The directory of the data set: `encrypted/`, `plain/` and `manifest.json`. */
export const schema1Dir = join(import.meta.dirname, "../store/fixtures/schema-1");
