import type { Group, Program } from "../../core/setup/index.js";
import type { Block, Button, Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";
import { memberFacingName } from "../format.js";
import { answersUse } from "./answers-use.js";
import { safetyLine, whoReads } from "./replies.js";

/** The orientation's three short messages, in the order they are sent. */
export const orientationParts = [1, 2, 3] as const;

/** One of the orientation's messages: 1 welcome and logistics, 2 the group agreements, 3 the member's part. */
export type OrientationPart = (typeof orientationParts)[number];

/** The part that tells a member how their answers are used (before anything asks for an answer). */
export const answersUsePart: OrientationPart = 3;

/** What an orientation message is made from: the group, its program, its next meeting, prompt and crisis lines. */
export interface OrientationInput {
  readonly group: Group;
  readonly program: Program;
  readonly next: { readonly startsAt: Date; readonly first: boolean } | undefined;
  readonly promptId: string;
  readonly crisisResources: readonly string[];
  /** Whether the group asks its optional pre-group questions (a screening) with the orientation. */
  readonly screening: boolean;
  /** The fewest answers any figure the care team sees is made from. */
  readonly minResponses: number;
}

/** The kind replies to the orientation's buttons. */
export const orientationReplies = {
  read: "Thank you for reading it. We look forward to seeing you.",
  question: "Just write your question here and I'll pass it to your leads.",
} as const;

function buttons(promptId: string, part: OrientationPart, screening: boolean): Block {
  const question: Button = { promptId, action: "orientation-question", label: "I have a question for the leads" };
  const read: Button = { promptId, action: "orientation-read", label: "I've read this", primary: true };
  const answer: Button = { promptId, action: "open-form", label: "Answer a few questions (optional)" };
  if (part !== 3) return { type: "buttons", buttons: [question] };
  return { type: "buttons", buttons: screening ? [read, answer, question] : [read, question] };
}

function welcome({ group, program, next }: OrientationInput): Message {
  const name = memberFacingName(group);
  const meets = next?.first ? "We first meet on" : "The group next meets on";
  const when = next && `${meets} ${formatLocal(next.startsAt, group.timezone, "day-time")}.`;
  return {
    // What a notification shows: never the place or a link.
    text: `Welcome to ${name}. A few things to know before you start.`,
    blocks: [
      { type: "text", text: `*Welcome to ${name}.*` },
      ...(when ? [{ type: "text" as const, text: when }] : []),
      { type: "fields", fields: [{ label: "Where", value: group.location }] },
      { type: "text", text: `*What to expect*\n${program.preparation.expectations}` },
      { type: "context", text: "Two more short messages will follow: the group's agreements, then your part." },
    ],
  };
}

function agreements({ program }: OrientationInput): Message {
  const list = program.preparation.agreements.map((a) => `• *${a.title}*: ${a.text}`).join("\n");
  return {
    text: "What we agree on together in the group.",
    blocks: [
      { type: "text", text: `*What we agree on together*\n${list}` },
      { type: "text", text: "If you are thinking of leaving, please say so in the group first." },
    ],
  };
}

function yourPart({ program, crisisResources, minResponses }: OrientationInput): Message {
  const { role, skills } = program.preparation;
  return {
    text: "Your part in the group, and how to reach your leads.",
    blocks: [
      { type: "text", text: `*Your part*\n${role}` },
      { type: "text", text: `*Helpful things to bring*\n${skills.map((skill) => `• ${skill}`).join("\n")}` },
      {
        type: "text",
        text: `*Reaching your leads*\nWrite to me here at any time and your leads will read it. ${whoReads}`,
      },
      { type: "text", text: answersUse(minResponses) },
      { type: "context", text: "You can pause these messages at any time with the `pause` command." },
      { type: "text", text: safetyLine(crisisResources) },
    ],
  };
}

const parts: Record<OrientationPart, (input: OrientationInput) => Message> = { 1: welcome, 2: agreements, 3: yourPart };

/** One of the short orientation messages before a member's first session (principle 1), with its buttons. */
export function orientationMessage(part: OrientationPart, input: OrientationInput): Message {
  const message = parts[part](input);
  return { ...message, blocks: [...message.blocks, buttons(input.promptId, part, input.screening)] };
}
