/** An Adaptive Card element, as plain JSON. */
export type CardElement = Record<string, unknown>;

/** One run of a RichTextBlock; its text is never read as markdown, so user-typed text stays literal. */
interface TextRun {
  type: "TextRun";
  text: string;
  weight?: "Bolder";
  fontType?: "Monospace";
}

const markup = /\*([^*\n]+)\*|`([^`\n]+)`/g;

function runsOf(line: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of line.matchAll(markup)) {
    if (match.index > last) runs.push({ type: "TextRun", text: line.slice(last, match.index) });
    if (match[1] !== undefined) runs.push({ type: "TextRun", text: match[1], weight: "Bolder" });
    else runs.push({ type: "TextRun", text: match[2] ?? "", fontType: "Monospace" });
    last = match.index + match[0].length;
  }
  if (last < line.length) runs.push({ type: "TextRun", text: line.slice(last) });
  return runs;
}

/**
 * Cohesion's small markdown subset (*bold*, `code`, newlines) as RichTextBlocks, one per line.
 * TextRuns are plain text to Teams, so nothing a person typed can become a link, heading or mention.
 */
export function richText(text: string, style: { subtle?: boolean; small?: boolean } = {}): CardElement[] {
  const elements: CardElement[] = [];
  let gap = false;
  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      gap = elements.length > 0;
      continue;
    }
    const inlines = runsOf(line).map((run) => ({
      ...run,
      ...(style.subtle ? { isSubtle: true } : {}),
      ...(style.small ? { size: "Small" } : {}),
    }));
    elements.push({
      type: "RichTextBlock",
      inlines,
      ...(elements.length > 0 ? { spacing: gap ? "Medium" : "None" } : {}),
    });
    gap = false;
  }
  return elements;
}

/** Plain text with the markdown subset removed, for notifications and short replies. */
export function plainText(text: string): string {
  return text.replace(markup, (_match, bold: string | undefined, code: string | undefined) => bold ?? code ?? "");
}

/** Cuts text to at most `max` characters, marking the cut. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
