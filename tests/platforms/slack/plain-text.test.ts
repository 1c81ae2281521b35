import { describe, expect, it } from "vitest";
import { plainTextOf } from "../../../src/platforms/slack/render/text.js";

describe("what a member typed, read from Slack's message text", () => {
  it("decodes the three characters Slack escapes", () => {
    expect(plainTextOf("pain &lt; yesterday &amp; sleep &gt; 5h")).toBe("pain < yesterday & sleep > 5h");
  });

  it("keeps a link's label, or its address when it has none", () => {
    expect(plainTextOf("see <https://example.org/pacing|this page> and <https://example.org>")).toBe(
      "see this page and https://example.org",
    );
  });

  it("trims the spaces around the words", () => {
    expect(plainTextOf("  pause \n")).toBe("pause");
  });
});
