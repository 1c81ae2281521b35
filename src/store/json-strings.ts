/** A copy of the JSON value `value` with every string in it, object keys included, passed through `change`. */
export function mapJsonStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === "string") return change(value);
  if (Array.isArray(value)) return value.map((item: unknown) => mapJsonStrings(item, change));
  if (typeof value !== "object" || value === null) return value;
  // fromEntries defines each key as an own property, so a key such as "__proto__" stays data.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [change(key), mapJsonStrings(item, change)]));
}

/** Calls `visit` with every string in the JSON value `value`, object keys included. */
export function visitJsonStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === "string") return visit(value);
  if (Array.isArray(value)) return value.forEach((item: unknown) => visitJsonStrings(item, visit));
  if (typeof value !== "object" || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    visit(key);
    visitJsonStrings(item, visit);
  }
}
