import { describe, expect, it } from "vitest";
import { renderMessage } from "../../../src/platforms/teams/render/message.js";
import { fileNote } from "../../../src/platforms/teams/deliver/messenger.js";

const context = { names: new Map<string, string>(), fileNote: fileNote(true) };

describe("a climate chart in a Teams card", () => {
  it("goes inline as its compact copy, which fits where the full-size chart would not", () => {
    const full = new Uint8Array(60_000).fill(1);
    const compact = new Uint8Array(12_000).fill(2);
    const { card } = renderMessage(
      {
        text: "Climate summary",
        blocks: [{ type: "image", png: full, compactPng: compact, alt: "Engaged rose from 3.1 to 4.2" }],
      },
      context,
    );
    expect(JSON.stringify(card)).toContain(`data:image/png;base64,${Buffer.from(compact).toString("base64")}`);
  });
});
