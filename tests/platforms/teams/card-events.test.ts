import { describe, expect, it } from "vitest";
import { toAddress } from "../../../src/kernel/address.js";
import { cardActionEvent, typedText } from "../../../src/platforms/teams/inbound/card-events.js";

const lead = toAddress("teams:6f1c2a10-0000-4000-8000-0000000000a1");
const channel = toAddress("teams:19:care-team-channel@thread.tacv2");
const promptId = "a1b2c3d4.0123456789abcdef";

describe("what Teams sends back, in neutral terms", () => {
  it("carries any button action through unchanged, with the channel it was pressed in", () => {
    expect(cardActionEvent({ cohesion: "button", promptId, action: "discussed-in-group" }, lead, channel)).toEqual({
      event: { type: "button", from: lead, channel, promptId, action: "discussed-in-group" },
    });
  });

  it("reads a form's answers, a skipped question as null", () => {
    const submitted = { cohesion: "form", promptId, itemIds: ["gcq-1", "gcq-2"], "answer.gcq-1": "5" };
    expect(cardActionEvent(submitted, lead, undefined)).toEqual({
      event: { type: "form", from: lead, promptId, answers: { "gcq-1": 5, "gcq-2": null } },
    });
  });

  it("takes the text after an @mention as the command, whatever markup Teams wraps it in", () => {
    expect(typedText("<at>Cohesion</at> summary pain-tue\n")).toBe("summary pain-tue");
    expect(typedText("<p><at>Cohesion</at>&nbsp;help</p>")).toBe("help");
    expect(typedText("  pause ")).toBe("pause");
    expect(typedText(undefined)).toBe("");
  });

  it("puts each mentioned person's address where their @mention was, and drops Cohesion's own", () => {
    const mentions = [
      { text: "<at>Cohesion</at>", word: "" },
      { text: "<at>Ana</at>", word: "teams:ana-id" },
      { text: "<at>Ana</at>", word: "teams:other-ana-id" },
      { text: "<at>Tom &amp; Jo</at>", word: "teams:tom-id" },
    ];
    expect(
      typedText(
        "<p><at>Cohesion</at> attendance pain-tue 3 5 <at>Ana</at>, <at>Ana</at> <at>Tom &amp; Jo</at></p>",
        mentions,
      ),
    ).toBe("attendance pain-tue 3 5 teams:ana-id , teams:other-ana-id teams:tom-id");
    expect(typedText("<at>Cohesion</at> summary <at>Someone</at>", mentions)).toBe("summary");
  });

  it("reads words typed in personal chat as the person wrote them, paragraphs and entities included", () => {
    expect(typedText("<p>Tired &amp; low.</p><p>I can&#39;t &quot;switch off&quot;</p>")).toBe(
      'Tired & low. I can\'t "switch off"',
    );
  });
});
