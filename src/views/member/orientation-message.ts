import type { Group, Program } from "../../core/setup/index.js";
import { memberFacingName } from "../format.js";
import type { Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";

/** The pre-group preparation a member receives before their first session (principle 1), with when the group next meets. */
export function orientationMessage(
  group: Group,
  program: Program,
  next: { startsAt: Date; first: boolean } | undefined,
): Message {
  const name = memberFacingName(group);
  const { expectations, agreements, role, skills } = program.preparation;
  const meets = next?.first ? "We first meet on" : "The group next meets on";
  const welcome = next
    ? `Welcome to ${name}. ${meets} ${formatLocal(next.startsAt, group.timezone, "day-time")}, at ${group.location}.`
    : `Welcome to ${name}.`;
  return {
    text: welcome,
    blocks: [
      { type: "text", text: `*${welcome}*` },
      { type: "text", text: `*What to expect*\n${expectations}` },
      {
        type: "text",
        text: `*What we agree on together*\n${agreements.map((a) => `• *${a.title}*: ${a.text}`).join("\n")}`,
      },
      { type: "text", text: `*Your part*\n${role}` },
      { type: "text", text: `*Helpful things to bring*\n${skills.map((skill) => `• ${skill}`).join("\n")}` },
      { type: "divider" },
      {
        type: "context",
        text: "After each session you can tell us how it went, if you like: your answers are confidential to your group leaders. You can pause these messages at any time with the pause command.",
      },
    ],
  };
}
