import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slackLimits } from "../../../src/platforms/slack/render/limits.js";
import { renderMessage, renderSingle, type SlackBlock } from "../../../src/platforms/slack/render/message.js";
import { message } from "./block-kit-arbitraries.js";

/** Every mrkdwn or plain text object in a list of blocks, with what it belongs to. */
function texts(blocks: readonly SlackBlock[]): { kind: string; type: string; text: string }[] {
  const found: { kind: string; type: string; text: string }[] = [];
  const visit = (node: unknown, kind: string) => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, kind));
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if ((record["type"] === "mrkdwn" || record["type"] === "plain_text") && typeof record["text"] === "string")
      found.push({ kind, type: String(record["type"]), text: record["text"] });
    for (const [key, value] of Object.entries(record))
      visit(
        value,
        key === "fields"
          ? "field"
          : key === "options"
            ? "option"
            : key === "elements" && record["type"] === "context"
              ? "context"
              : ((record["type"] as string) ?? kind),
      );
  };
  visit(blocks, "block");
  return found;
}

function interactive(blocks: readonly SlackBlock[]): Record<string, unknown>[] {
  return blocks.flatMap((b) =>
    ((b as { elements?: Record<string, unknown>[] }).elements ?? []).filter((e) => "action_id" in e),
  );
}

/** Every way `blocks` break Slack's limits or let text through unescaped (empty when none). */
function violations(blocks: readonly SlackBlock[], maxBlocks: number): string[] {
  const found: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) found.push(what);
  };
  check(blocks.length <= maxBlocks, `${blocks.length} blocks`);
  for (const t of texts(blocks)) {
    const max =
      t.kind === "field"
        ? slackLimits.fieldText
        : t.kind === "button" || t.kind === "option" || t.kind === "static_select"
          ? slackLimits.buttonLabel
          : slackLimits.sectionText;
    check(t.text.length <= max, `${t.kind} text of ${t.text.length}`);
    if (t.type === "mrkdwn")
      check(!/[<>]|&(?!amp;|lt;|gt;)/.test(t.text.replace(/<[@#][UWCG][A-Z0-9]+>/g, "")), `unescaped ${t.kind} text`);
  }
  for (const b of blocks) {
    check(((b as { fields?: unknown[] }).fields ?? []).length <= slackLimits.fieldsPerSection, "too many fields");
    check(
      ((b as { elements?: unknown[] }).elements ?? []).length <= slackLimits.elementsPerActions,
      "too many elements",
    );
  }
  const elements = interactive(blocks);
  const ids = elements.map((e) => String(e["action_id"]));
  check(new Set(ids).size === ids.length, "repeated action_id");
  for (const element of elements) {
    check(String(element["action_id"]).length <= slackLimits.id, "long action_id");
    check(typeof element["value"] !== "string" || element["value"].length <= slackLimits.buttonValue, "long value");
    const options = (element["options"] ?? []) as { value: string }[];
    check(options.length <= slackLimits.optionsPerSelect, "too many options");
    check(
      options.every((option) => option.value.length <= slackLimits.optionValue),
      "long option value",
    );
  }
  return found;
}

describe("Block Kit rendering within Slack's limits", () => {
  it("any message, however extreme, becomes posts of at most 50 blocks that respect every limit and escape all text", () => {
    fc.assert(
      fc.property(message, (m) => {
        const rendered = renderMessage(m);
        expect(rendered.text.length).toBeLessThanOrEqual(slackLimits.fallbackText);
        const broken = [
          ...rendered.posts.flatMap((post) => violations(post, slackLimits.blocksPerMessage)),
          ...violations(renderSingle(m).blocks, slackLimits.blocksPerMessage),
        ];
        expect(broken).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
