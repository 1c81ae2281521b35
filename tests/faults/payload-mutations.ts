// fast-check arbitraries that turn a valid Slack payload into a hostile one: fields missing, extra, of the wrong
// type, huge, deeply nested, or named __proto__ and constructor.
import fc from "fast-check";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `value` (the empty path is the whole of it). */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, inner]) => pathsOf(inner, [...prefix, key]))];
}

/** `value` with the thing at `path` replaced (or removed, when `replacement` is undefined). */
function withAt(value: Json, path: readonly string[], replacement: Json | undefined): Json | undefined {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, Json> | Json[] = Array.isArray(value) ? [...value] : { ...value };
  const inner = withAt((copy as Record<string, Json>)[head] ?? null, rest, replacement);
  if (inner === undefined) delete (copy as Record<string, Json>)[head];
  else Object.defineProperty(copy, head, { value: inner, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** An array nested `depth` deep. */
function nested(depth: number): Json {
  let value: Json = "bottom";
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

// Own properties named as the prototype's, as JSON.parse makes them from a request body.
const prototypeKeys = JSON.parse(
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
) as Json;

/** A hostile value to put where a field was. */
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.integer({ min: 10_000, max: 400_000 }).map((length) => "x".repeat(length)),
  fc.integer({ min: 50, max: 1000 }).map(nested),
  fc.constant(prototypeKeys),
  fc.string({ unit: "grapheme", maxLength: 200 }),
);

/** Payloads made from `valid` by one to three hostile changes. */
export function mutationsOf(valid: Record<string, unknown>): fc.Arbitrary<Json> {
  const base = valid as Json;
  const paths = pathsOf(valid);
  const change = fc.tuple(fc.constantFrom(...paths), fc.option(hostileValue, { nil: undefined }));
  const extraField = fc.tuple(fc.constantFrom("__proto__", "constructor", "extra_field", "prototype"), hostileValue);
  return fc
    .tuple(fc.array(change, { minLength: 1, maxLength: 3 }), fc.option(extraField, { nil: undefined }))
    .map(([changes, extra]) => {
      let value: Json = changes.reduce<Json>(
        (current, [path, replacement]) => withAt(current, path, replacement) ?? {},
        base,
      );
      if (extra && value !== null && typeof value === "object" && !Array.isArray(value))
        value = withAt(value, [extra[0]], extra[1]) ?? value;
      return value;
    });
}

/** A Slack form body (slash commands) from a mutated record: every field sent as a string, whatever it was. */
export function asFormFields(value: Json): string {
  const fields = value !== null && typeof value === "object" && !Array.isArray(value) ? value : { text: value };
  return new URLSearchParams(
    Object.entries(fields).map(([key, inner]): [string, string] => [
      key,
      typeof inner === "string" ? inner : JSON.stringify(inner),
    ]),
  ).toString();
}
