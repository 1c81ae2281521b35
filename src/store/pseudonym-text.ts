import { platforms } from "../kernel/address.js";

const platformNames = platforms.join("|");

// An address runs until `|`, whitespace, the end, or the next `:<platform>:` (a delivery key's next address); a Teams
// local part may itself hold `:`, `@`, `.` and `-`.
const addressInText = new RegExp(`(?:${platformNames}):[^\\s|]+?(?=[\\s|]|$|:(?:${platformNames}):)`, "g");

/** A pseudonym as stored: `p_` and 22 base64url characters (128 bits), with no `|`, `:` or whitespace. */
export const pseudonymPattern = /^p_[A-Za-z0-9_-]{22}$/;

// Outside pseudonyms, `~` and `p_` are escaped with `~`, so that no text a member wrote can be read as a pseudonym.
const escapedText = /~|p_/g;
// Most stored strings (times, statuses, ids of sessions) hold no address and nothing to escape: they are kept as they are.
const mayConceal = new RegExp(`(?:${platformNames}):|~|p_`);
const storedText = /~([\s\S])|(p_[A-Za-z0-9_-]{22})/g;

/** The platform addresses inside `text` (a value, a composite key or free text), in order. */
export function addressesIn(text: string): string[] {
  return text.match(addressInText) ?? [];
}

/** `text` with each address in it replaced by `pseudonymOf(address)`, the rest escaped so it reads back exactly. */
export function concealText(text: string, pseudonymOf: (address: string) => string): string {
  if (!mayConceal.test(text)) return text;
  let concealed = "";
  let from = 0;
  for (const match of text.matchAll(addressInText)) {
    concealed += escape(text.slice(from, match.index)) + pseudonymOf(match[0]);
    from = match.index + match[0].length;
  }
  return concealed + escape(text.slice(from));
}

/** The text that `concealText` was given, each pseudonym replaced by `addressOf(pseudonym)`. */
export function revealText(text: string, addressOf: (pseudonym: string) => string): string {
  if (!text.includes("~") && !text.includes("p_")) return text;
  return text.replace(storedText, (_match, escaped: string | undefined, pseudonym: string) =>
    escaped === undefined ? addressOf(pseudonym) : escaped,
  );
}

function escape(text: string): string {
  return text.replace(escapedText, (found) => (found === "~" ? "~~" : "p~_"));
}
