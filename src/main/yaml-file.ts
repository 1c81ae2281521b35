import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { StartupError } from "../kernel/errors.js";

/** Formats zod issues as `file: path.to.field: what was expected`, one per line. */
export function describeIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
      return `${file}: ${where}: ${issue.message}`;
    })
    .join("\n");
}

/** Reads a YAML file and validates it; any problem is a StartupError naming the file and the path in it. */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw new StartupError(`${file}: cannot be read (${(cause as NodeJS.ErrnoException).code ?? "unknown error"})`);
  }
  const document = parseDocument(text, { prettyErrors: true });
  const syntaxError = document.errors[0];
  if (syntaxError) throw new StartupError(`${file}: not valid YAML: ${syntaxError.message}`);
  const result = schema.safeParse(document.toJS());
  if (!result.success) throw new StartupError(`${file} is not valid:\n${describeIssues(file, result.error)}`);
  return result.data;
}
