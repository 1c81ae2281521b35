import { describe, expect, it } from "vitest";
import { toAddress } from "../../../src/kernel/address.js";
import type { Block } from "../../../src/kernel/message.js";
import { renderMessage, renderSingle } from "../../../src/platforms/slack/render/message.js";

describe("Block Kit rendering within Slack's limits", () => {
  it("splits a long text into sections instead of losing any of it", () => {
    const long = Array.from({ length: 400 }, (_, i) => `Line ${i}: ${"word ".repeat(20)}`).join("\n");
    const rendered = renderMessage({ text: "long", blocks: [{ type: "text", text: long }] });
    const shown = rendered.posts
      .flat()
      .map((b) => (b as { text?: { text: string } }).text?.text ?? "")
      .join("\n");
    expect(shown.replace(/\n/g, "")).toBe(long.replace(/\n/g, ""));
  });

  it("a digest about many members (200 mentions) goes out as several posts in order", () => {
    const blocks: Block[] = Array.from({ length: 200 }, (_, i) => ({
      type: "mention",
      address: toAddress(`slack:U${String(i).padStart(6, "0")}`),
      text: "missed two sessions",
    }));
    const rendered = renderMessage({ text: "many", blocks });
    expect(rendered.posts.map((p) => p.length)).toEqual([50, 50, 50, 50]);
    expect(JSON.stringify(rendered.posts[3]?.at(-1))).toContain("<@U000199>");
  });

  it("text anyone typed can neither mention @channel or a person nor render a link", () => {
    const rendered = renderSingle({
      text: "<!channel>",
      blocks: [{ type: "text", text: "<!channel> <@U999> <https://evil.example|click here> @here" }],
    });
    const section = JSON.stringify(rendered.blocks);
    expect(section).toContain("&lt;!channel&gt; &lt;@U999&gt; &lt;https://evil.example|click here&gt;");
    expect(section).toContain('"verbatim":true');
    expect(rendered.text).toBe("&lt;!channel&gt;");
  });

  it("a reply too long for one message says it was shortened", () => {
    const blocks: Block[] = Array.from({ length: 80 }, (_, i) => ({ type: "text", text: `Session ${i}` }));
    const rendered = renderSingle({ text: "t", blocks });
    expect(rendered.blocks).toHaveLength(50);
    expect(JSON.stringify(rendered.blocks.at(-1))).toContain("too long to show in full");
  });

  it("a chart or an export is uploaded beside the message, never drawn into the blocks", () => {
    const rendered = renderMessage({
      text: "digest",
      blocks: [
        { type: "text", text: "Digest" },
        { type: "image", png: new Uint8Array([137, 80, 78, 71]), alt: "Engaged rose from 3.9 to 4.4" },
        {
          type: "file",
          filename: "pain-tue.csv",
          mediaType: "text/csv",
          data: new Uint8Array([65]),
          title: "Session aggregates",
        },
      ],
    });
    expect(rendered.posts.flat()).toHaveLength(1);
    expect(rendered.uploads.map((u) => u.filename)).toEqual(["chart.png", "pain-tue.csv"]);
    expect(rendered.uploads[0]?.alt).toBe("Engaged rose from 3.9 to 4.4");
  });
});
