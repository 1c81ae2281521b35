import { screeningTotal, type Screening } from "../../core/answers/index.js";
import type { Group, Instrument } from "../../core/setup/index.js";
import type { Address } from "../../kernel/address.js";
import type { Message } from "../../kernel/message.js";

/** What a flagged screening for the leads is made from: the group, the member, their answers and the instrument. */
export interface ScreeningInput {
  readonly group: Group;
  readonly member: Address;
  readonly screening: Screening;
  readonly instrument: Instrument;
}

function answerLine(instrument: Instrument, itemId: string, value: number): string {
  const item = instrument.items.find((i) => i.id === itemId);
  const label = instrument.scale.labels[value - instrument.scale.min];
  return `• ${item?.text ?? itemId}: ${label ? `${label} (${value})` : String(value)}`;
}

/** A member's flagged answers to the pre-group screening, shown privately to one lead: routine, not an alert. */
export function screeningForLeads({ group, member, screening, instrument }: ScreeningInput): Message {
  const title = `A member of ${group.name} may need a conversation before the first session`;
  const total = screeningTotal(screening.answers);
  const answers = instrument.items
    .flatMap((item) => {
      const value = screening.answers[item.id];
      return value === undefined ? [] : [answerLine(instrument, item.id, value)];
    })
    .join("\n");
  return {
    text: `${title}.`,
    blocks: [
      { type: "text", text: `*${title}*` },
      {
        type: "mention",
        address: member,
        text: `answered the optional questions sent with their welcome (${instrument.title}) with a total of ${total}, at or above ${instrument.flagAtOrAbove ?? total}.`,
      },
      ...(answers ? [{ type: "text" as const, text: answers }] : []),
      {
        type: "context",
        text: "Routine, not an urgent alert. Your clinic asks that people answering like this are seen individually before they join. Cohesion does not assess anyone; these are their answers only.",
      },
    ],
  };
}
