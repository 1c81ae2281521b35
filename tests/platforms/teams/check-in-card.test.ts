import { describe, expect, it } from "vitest";
import { climateInstrument } from "../../../src/core/context.js";
import { promptIdFor } from "../../../src/core/answers/index.js";
import { checkinForm } from "../../../src/views/member/checkin.js";
import { checkinMessage } from "../../../src/views/member/checkin-message.js";
import { renderForm, renderMessage } from "../../../src/platforms/teams/render/message.js";
import { fileNote } from "../../../src/platforms/teams/deliver/messenger.js";
import { painTueWorld } from "../../support/outbox-helpers.js";
import { estimatedHeight } from "./card-height.js";
import { cardProblems, inputsOf } from "./cards.js";

type Json = Record<string, unknown>;
const promptId = promptIdFor("pain-tue", "checkin:pain-tue:1:console:ana");
const context = { names: new Map<string, string>(), fileNote: fileNote(true) };

/** Every Action.Execute of a card, with the Action.Submit it falls back to. */
function actions(card: Json): Json[] {
  const found: Json[] = [];
  for (const element of card.body as Json[])
    if (element.type === "ActionSet") found.push(...(element.actions as Json[]));
  return found;
}

const byTitle = (card: Json, title: string) => actions(card).find((action) => action.title === title);

describe("the check-in card on Teams", () => {
  const world = painTueWorld();
  const card = renderMessage(checkinMessage(world.ctx, promptId, undefined, true), context).card;

  it("opens the full check-in without a pulse picked: that button sends no inputs, so Teams checks none", () => {
    for (const title of ["Full check-in (2 min)", "I wasn't there"]) {
      expect(byTitle(card, title)).toMatchObject({ associatedInputs: "none", fallback: { associatedInputs: "none" } });
    }
  });

  it("sends the pulse with Send, which alone asks for a pick first", () => {
    expect(byTitle(card, "Send")).toMatchObject({ associatedInputs: "auto", fallback: { associatedInputs: "auto" } });
    expect(inputsOf(card)).toHaveLength(1);
    expect(cardProblems(card)).toEqual([]);
  });

  it("never makes one choice's Send wait for another choice on the same card", () => {
    const two = renderMessage(
      {
        text: "Two questions",
        blocks: ["pulse-1", "pulse-2"].map((itemId) => ({
          type: "choice",
          promptId,
          itemId,
          question: itemId,
          options: [1, 2, 3].map((value) => ({ value, label: String(value) })),
        })),
      },
      context,
    ).card;
    const required = (two.body as Json[]).filter((e) => e.type === "Input.ChoiceSet").map((e) => e.isRequired);
    expect(required).toEqual([false, false]);
  });
});

describe("the full check-in on a phone", () => {
  const world = painTueWorld();
  const form = checkinForm(world.ctx, promptId);
  const { card } = renderForm(form);

  it("asks the GCQ-S in its own words and order, each question one compact row from 0 to 6", () => {
    const gcq = climateInstrument(world.ctx);
    const inputs = inputsOf(card);
    expect(inputs.map((input) => input.label)).toEqual(gcq.items.map((item, i) => `${i + 1}. ${item.text}`));
    const compact = (card.body as Json[]).filter((e) => e.type === "Input.ChoiceSet").map((e) => e.style);
    expect(compact).toEqual(gcq.items.map(() => "compact"));
    expect(inputs[0]?.choices.map((choice) => choice.title)).toEqual(
      gcq.scale.labels.map((label, i) => `${i} ${label}`),
    );
    expect(cardProblems(card)).toEqual([]);
  });

  it("is well under half the height the stacked options took (estimated from its structure)", () => {
    const stacked = {
      ...card,
      body: (card.body as Json[]).map((e) =>
        e.type === "Input.ChoiceSet" ? { ...e, style: "expanded", separator: true } : e,
      ),
    };
    expect(estimatedHeight(card)).toBeLessThan(estimatedHeight(stacked) / 2);
    expect(estimatedHeight(card)).toBeLessThan(1_500);
  });

  it("sends every answer with its one Send, none of them required", () => {
    expect(actions(card).map((a) => [a.title, a.associatedInputs])).toEqual([["Send my answers", "auto"]]);
    expect((card.body as Json[]).some((e) => e.isRequired === true)).toBe(false);
  });
});
