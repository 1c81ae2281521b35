// Reading Adaptive Cards the way a person sees them: their text, their buttons, their answer inputs.
import { createRequire } from "node:module";
import type { ConnectorCall } from "./fake-bot-connector.js";

type Json = Record<string, unknown>;

/** The Adaptive Card an activity carries. */
export function cardOf(activity: Json): Json {
  const attachments = activity.attachments as { contentType: string; content: Json }[] | undefined;
  const card = attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content;
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(activity).slice(0, 200)}`);
  return card;
}

function walk(node: unknown, visit: (item: Json) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walk(child, visit));
  else if (node && typeof node === "object") {
    visit(node as Json);
    for (const [key, value] of Object.entries(node)) if (key !== "fallback" && key !== "data") walk(value, visit);
  }
}

/** Everything a card says, line by line. */
export function cardText(card: Json): string {
  const lines: string[] = [];
  walk(card, (item) => {
    if (item.type === "RichTextBlock") lines.push((item.inlines as { text: string }[]).map((run) => run.text).join(""));
    if (item.type === "TextBlock") lines.push(String(item.text));
    if (item.type === "Input.ChoiceSet") lines.push(String(item.label));
  });
  return lines.join("\n");
}

/** The card's Action.Execute buttons. */
export function actionsOf(card: Json): { title: string; data: Json; fallback: Json }[] {
  const actions: { title: string; data: Json; fallback: Json }[] = [];
  walk(card, (item) => {
    if (item.type === "Action.Execute")
      actions.push({ title: String(item.title), data: item.data as Json, fallback: item.fallback as Json });
  });
  return actions;
}

/** The data of the card's button titled `title`, or a test failure. */
export function actionData(card: Json, title: string | RegExp): Json {
  const action = actionsOf(card).find((a) => (typeof title === "string" ? a.title === title : title.test(a.title)));
  if (!action)
    throw new Error(
      `no button "${String(title)}" in: ${actionsOf(card)
        .map((a) => a.title)
        .join(", ")}`,
    );
  return action.data;
}

/** The card's answer inputs (radio button sets). */
export function inputsOf(card: Json): { id: string; label: string; choices: { title: string; value: string }[] }[] {
  const inputs: { id: string; label: string; choices: { title: string; value: string }[] }[] = [];
  walk(card, (item) => {
    if (item.type === "Input.ChoiceSet")
      inputs.push({
        id: String(item.id),
        label: String(item.label),
        choices: item.choices as { title: string; value: string }[],
      });
  });
  return inputs;
}

/** The last card posted to a conversation, with the id of its activity. */
export function lastCard(calls: ConnectorCall[]): { id: string; card: Json } {
  const call = calls.findLast((c) =>
    (c.body.attachments as { contentType: string }[] | undefined)?.some((a) => a.contentType.endsWith("card.adaptive")),
  );
  if (!call) throw new Error("no card was posted there");
  return { id: call.id, card: cardOf(call.body) };
}

// The adaptivecards package's bundled build runs headless in Node (its ES modules do not resolve there).
const AdaptiveCards = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
  };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): { message: string } };
  Versions: { v1_5: unknown };
};

/** What the Adaptive Cards SDK finds wrong with a card, parsing and validating it as version 1.5. */
export function cardProblems(card: unknown): string[] {
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  parsed.parse(card, context);
  const problems = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  return [...problems, ...parsed.validateProperties().validationEvents.map((event) => event.message)];
}
