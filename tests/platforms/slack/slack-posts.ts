// Reading what Cohesion posted to the fake Slack Web API: its text, and what a person can press.
import { decodeValue, type InteractiveValue } from "../../../src/platforms/slack/render/interactive-ids.js";
import type { RecordedCall } from "./fake-slack-api.js";

/** An element of a posted message that a person can press, with what its value means. */
export interface Pressable {
  readonly element: Record<string, unknown>;
  readonly value: InteractiveValue;
}

/** Every button and select option of a recorded post (or update), decoded. */
export function pressables(call: RecordedCall): Pressable[] {
  const blocks = (call.args["blocks"] ?? []) as { elements?: Record<string, unknown>[] }[];
  return blocks.flatMap((block) =>
    (block.elements ?? []).flatMap((element) => {
      const raw =
        typeof element["value"] === "string"
          ? [element["value"]]
          : ((element["options"] ?? []) as { value: string }[]).map((o) => o.value);
      return raw.flatMap((value) => {
        const decoded = decodeValue(value);
        return decoded ? [{ element: { ...element, value }, value: decoded }] : [];
      });
    }),
  );
}

/** Everything a recorded post shows, as one string. */
export function shownText(call: RecordedCall): string {
  return JSON.stringify(call.args["blocks"] ?? call.args["text"] ?? "");
}
