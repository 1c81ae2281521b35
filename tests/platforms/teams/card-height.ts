// An estimate of how tall a card is on a phone, from its structure, to compare layouts (not a measurement).
//
// The model, after Teams' default host config on a 360 px wide phone: 16 px of padding around the card, so
// about 46 characters of 14 px text per line; a text line is 20 px; an input's label lines sit 8 px above it;
// a radio button option is a 32 px row and a compact choice set (a drop-down) one 36 px row; each button is a
// 40 px row (phones stack them); spacing between elements is 8 px, "Medium" 20 px; a separator adds 1 px.

type Json = Record<string, unknown>;

const charsPerLine = 46;
const lineHeight = 20;
const spacing: Record<string, number> = { None: 0, Small: 4, Default: 8, Medium: 20, Large: 30 };

function lines(text: string): number {
  return text.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)), 0);
}

function ownHeight(element: Json): number {
  switch (element.type) {
    case "RichTextBlock":
      return lines((element.inlines as { text: string }[]).map((run) => run.text).join("")) * lineHeight;
    case "TextBlock":
      return lines(String(element.text)) * lineHeight;
    case "Input.ChoiceSet": {
      const label = lines(String(element.label ?? "")) * lineHeight + 8;
      const options = (element.choices as unknown[]).length;
      return label + (element.style === "compact" ? 36 : options * 32);
    }
    case "ActionSet":
      return (element.actions as unknown[]).length * 40;
    default:
      return lineHeight;
  }
}

/** The estimated height in pixels of a card on a phone, by the model above. */
export function estimatedHeight(card: Json): number {
  const body = card.body as Json[];
  return body.reduce(
    (sum, element, i) =>
      sum +
      ownHeight(element) +
      (i === 0 ? 0 : (spacing[String(element.spacing ?? "Default")] ?? 8) + (element.separator ? 1 : 0)),
    32,
  );
}
