import { describe, expect, it } from "vitest";
import { toCsv } from "../../../src/views/exports/csv.js";
import { toAddress } from "../../../src/kernel/address.js";
import { memberCode } from "../../../src/core/privacy/index.js";

const key = Buffer.alloc(32, 7);
const ana = toAddress("console:ana");

describe("CSV files", () => {
  it("quotes what needs quoting, leaves empty cells empty and ends lines with CRLF", () => {
    const text = new TextDecoder().decode(
      toCsv(
        ["a", "b", "c"],
        [
          ["x, y", null, 2.5],
          ['say "hi"', "", 0],
        ],
      ),
    );
    expect(text).toBe('a,b,c\r\n"x, y",,2.5\r\n"say ""hi""",,0\r\n');
  });

  it("keeps text a spreadsheet would run as a formula as plain text", () => {
    const text = new TextDecoder().decode(toCsv(["name"], [["=HYPERLINK(1)"], ["+1"], ["@SUM"], ["-2"]]));
    expect(text).toBe("name\r\n'=HYPERLINK(1)\r\n'+1\r\n'@SUM\r\n'-2\r\n");
  });
});

describe("member codes", () => {
  it("are short keyed hashes: the same for a member within a group, different in another group or with another key", () => {
    const code = memberCode(key, "pain-tue", ana);
    expect(code).toMatch(/^M-[0-9a-f]{10}$/);
    expect(memberCode(key, "pain-tue", ana)).toBe(code);
    expect(memberCode(key, "segt-thu", ana)).not.toBe(code);
    expect(memberCode(Buffer.alloc(32, 8), "pain-tue", ana)).not.toBe(code);
    expect(memberCode(key, "pain-tue", toAddress("console:ben"))).not.toBe(code);
  });
});
