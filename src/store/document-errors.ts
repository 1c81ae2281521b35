import type { z } from "zod";
import { StartupError } from "../kernel/errors.js";
import { schemaVersion } from "../core/state.js";

const advice = "Cohesion has not changed it; restore it from a backup or move it aside.";
const shownIssues = 5;

/** The error for a stored document that cannot be used as it is; it names the file and the problem. */
export function corruptDocument(file: string, problem: string): StartupError {
  return new StartupError(`${file} is corrupt (${problem}). ${advice}`);
}

/** The error for a stored document that the file system will not let Cohesion read. */
export function unreadableDocument(file: string, cause: unknown): StartupError {
  const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
  return new StartupError(`${file} cannot be read (${code}). ${advice}`);
}

/** The error for a stored document written for another version of its shape. */
export function wrongVersionDocument(file: string, found: unknown): StartupError {
  const expected = `this version of Cohesion reads schemaVersion ${schemaVersion}`;
  return new StartupError(`${file} has schemaVersion ${JSON.stringify(found)}, but ${expected}. ${advice}`);
}

/** Validates parsed JSON against `schema`, throwing a StartupError that names the file and the fields at fault. */
export function validateDocument<S extends z.ZodType>(file: string, json: unknown, schema: S): z.output<S> {
  if (typeof json === "object" && json !== null && "schemaVersion" in json && json.schemaVersion !== schemaVersion) {
    throw wrongVersionDocument(file, json.schemaVersion);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > shownIssues ? `; and ${issues.length - shownIssues} more` : "";
  throw corruptDocument(file, `not a valid document: ${issues.slice(0, shownIssues).join("; ")}${more}`);
}

/** The error for an encrypted document when no key is given. */
export function encryptedWithoutKey(file: string, keyId: string): StartupError {
  return new StartupError(
    `${file} is encrypted (key ${keyId}), but DATA_ENCRYPTION_KEY is not set: set it to the key the data was encrypted with. Cohesion has not changed any file.`,
  );
}

/** The error for a document sealed with a key that was not given (a wrong key); it names the key ids only. */
export function sealedWithOtherKey(file: string, keyId: string, given: readonly string[]): StartupError {
  const keys = given.length === 1 ? `the key given is ${given[0]}` : `the keys given are ${given.join(" and ")}`;
  return new StartupError(
    `${file} is encrypted with key ${keyId}, but ${keys}: DATA_ENCRYPTION_KEY must be the key the data was encrypted ` +
      `with (while rotating, the new key, with the old one in DATA_ENCRYPTION_KEY_OLD). Cohesion has not changed any file.`,
  );
}

/** The error for a plaintext document in a directory that is encrypted, which someone may have put there. */
export function notEncrypted(file: string): StartupError {
  return corruptDocument(
    file,
    "it is not encrypted, but this data directory is, so it may have been put there by someone else",
  );
}

/** The error for a document referring to members by pseudonyms that the identity map does not hold. */
export function unknownPseudonyms(file: string, identitiesFile: string, count: number): StartupError {
  const members = count === 1 ? "1 pseudonym" : `${count} pseudonyms`;
  return corruptDocument(file, `it refers to ${members} missing from ${identitiesFile}, which may be an older copy`);
}
