/** Escapes text for Slack mrkdwn so it cannot mention anyone, reach @channel or render a link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Where to cut `text` to keep at most `max` UTF-16 units: never inside a surrogate pair or an escape such as "&amp;".
function cutIndex(text: string, max: number): number {
  let cut = max;
  const amp = text.lastIndexOf("&", cut - 1);
  if (amp >= 0 && amp > cut - 5 && !text.slice(amp, cut).includes(";")) cut = amp;
  const previous = text.charCodeAt(cut - 1);
  if (previous >= 0xd800 && previous <= 0xdbff) cut -= 1;
  return Math.max(cut, 1);
}

/** Shortens text to at most `max` UTF-16 units, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, cutIndex(text, max - 1))}…`;
}

/** Splits already-escaped mrkdwn into pieces of at most `max` characters, preferring line breaks. */
export function splitMrkdwn(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const lineBreak = rest.lastIndexOf("\n", max);
    const cut = lineBreak > max / 2 ? lineBreak : cutIndex(rest, max);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** What a person typed, from the mrkdwn Slack sends: links and mentions as their label, escapes decoded. */
export function plainTextOf(mrkdwn: string): string {
  return mrkdwn
    .replace(/<[^<>|]*\|([^<>]*)>/g, "$1")
    .replace(/<([^<>]*)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}
