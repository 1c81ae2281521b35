import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DocumentCipher } from "../../src/store/document-cipher.js";
import { mapJsonStrings } from "../../src/store/json-strings.js";
import { addressesInJson, Pseudonyms } from "../../src/store/pseudonyms.js";
import { addressesIn, concealText, pseudonymPattern, revealText } from "../../src/store/pseudonym-text.js";
import { newKey } from "./encryption-helpers.js";

const pseudonyms = new Pseudonyms(new DocumentCipher(newKey()));

/** `value` with its addresses as pseudonyms, and the map that reveals them. */
function conceal(value: unknown): { stored: unknown; map: Map<string, string> } {
  const map = new Map<string, string>();
  const stored = mapJsonStrings(value, (text) =>
    concealText(text, (address) => {
      map.set(pseudonyms.of(address), address);
      return pseudonyms.of(address);
    }),
  );
  return { stored, map };
}

function reveal(stored: unknown, map: ReadonlyMap<string, string>): unknown {
  return mapJsonStrings(stored, (text) => revealText(text, (pseudonym) => map.get(pseudonym) ?? "MISSING"));
}

const localChar = fc.constantFrom(..."abcXYZ019:@.-_~p".split(""));
const address = fc
  .tuple(fc.constantFrom("slack", "teams", "console"), fc.string({ unit: localChar, minLength: 1, maxLength: 12 }))
  .map(([platform, local]) => `${platform}:${local}`);
const tricky = fc.constantFrom(
  "|",
  ":",
  " ",
  "\n",
  "p_",
  "~",
  "p~_",
  "~~",
  "p",
  "teams:",
  ":slack:",
  "p_AAAAAAAAAAAAAAAAAAAAAA",
);
const text = fc
  .array(fc.oneof(address, tricky, fc.string(), fc.string({ unit: "grapheme" })), { maxLength: 8 })
  .map((parts) => parts.join(""));
const compositeKey = fc
  .array(fc.oneof(address, fc.string()), { minLength: 1, maxLength: 4 })
  .chain((parts) => fc.constantFrom("|", ":").map((separator) => parts.join(separator)));
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    address,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, compositeKey, address, fc.constant("__proto__")), tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("pseudonyms in stored text", () => {
  it("reads back every document byte for byte, whatever addresses, keys and free text it holds", () => {
    fc.assert(
      fc.property(json, (value) => {
        const { stored, map } = conceal(value);
        expect(JSON.stringify(reveal(stored, map))).toBe(JSON.stringify(value));
      }),
    );
  });

  it("leaves no address in a stored document, only pseudonyms that are never mistaken for one", () => {
    fc.assert(
      fc.property(json, (value) => {
        const { stored, map } = conceal(value);
        expect([...addressesInJson(stored)]).toEqual([]);
        for (const [pseudonym, found] of map) {
          expect(pseudonym).toMatch(pseudonymPattern);
          expect(pseudonym).not.toMatch(/[|:\s]/);
          expect(found).toMatch(/^(console|slack|teams):[^\s|]+$/);
        }
      }),
    );
  });

  it("gives the same pseudonym to the same address, and another one under another key", () => {
    const other = new Pseudonyms(new DocumentCipher(newKey()));
    expect(pseudonyms.of("slack:U1")).toBe(pseudonyms.of("slack:U1"));
    expect(pseudonyms.of("slack:U1")).not.toBe(pseudonyms.of("slack:U2"));
    expect(other.of("slack:U1")).not.toBe(pseudonyms.of("slack:U1"));
  });

  it("finds the recipient and the member a delivery key is about, even Teams ids holding `:`, `@`, `.` and `-`", () => {
    const key = "unreachable:pain-tue:2:teams:19:ab-c.d@thread.tacv2:console:ana";
    expect(addressesIn(key)).toEqual(["teams:19:ab-c.d@thread.tacv2", "console:ana"]);
    expect(addressesIn("slack:U1|3|process|engaged-1")).toEqual(["slack:U1"]);
    expect(addressesIn("ask slack:U1 or teams:6f1c-2a10\nthanks")).toEqual(["slack:U1", "teams:6f1c-2a10"]);
    expect(addressesIn("slack: is where we meet")).toEqual([]);
  });

  it("keeps the separators of a composite key around the pseudonyms", () => {
    const stored = concealText("reminder:pain-tue:1:slack:U1:teams:29:x", (found) => pseudonyms.of(found));
    expect(stored).toBe(`reminder:pain-tue:1:${pseudonyms.of("slack:U1")}:${pseudonyms.of("teams:29:x")}`);
  });
});
