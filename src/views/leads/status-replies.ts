import type { Group } from "../../core/setup/index.js";
import type { MemberStatus, StatusOutcome } from "../../core/groups/index.js";
import type { Message } from "../../kernel/message.js";

/** Each status as the reply says it, mirroring the word the lead typed. */
const word: Record<MemberStatus, string> = {
  active: "active",
  "on-hold": "on hold",
  hospitalised: "hospitalised",
  withdrawn: "withdrawn",
  deceased: "deceased",
};

const stopped = "I've stopped every scheduled message to them, including any waiting to go out.";
const earlierAnswers = "Their earlier answers stay in the sessions they took part in.";

/** What a change to each status does, said once it is done. */
const done: Record<MemberStatus, string> = {
  active: "Their reminders and check-ins start again with the next one due (unless they paused them themselves).",
  "on-hold": `${stopped} They still count in the group's figures.`,
  hospitalised: `${stopped} They still count in the group's figures.`,
  withdrawn: `${stopped} From now on they no longer count in response rates or attendance. ${earlierAnswers}`,
  deceased: `I'm sorry. Cohesion will never send them another message of any kind, and from now on they no longer count in the group's figures. ${earlierAnswers}`,
};

/** What a change will do, said before the lead confirms it. */
function willDo(outcome: StatusOutcome): string {
  if (outcome.status === "withdrawn")
    return "Every message to them stops at once, including any waiting to go out, and from now on they no longer count in response rates or attendance.";
  if (outcome.status === "deceased")
    return "Cohesion will never send them another message of any kind, not even a reply, and from now on they no longer count in the group's figures.";
  const again = outcome.status === "active" ? " Cohesion will then message them again." : "";
  if (outcome.previous === "deceased")
    return `They are marked deceased: change this only to put right a mistake.${again}`;
  return `They are marked withdrawn.${again}`;
}

/** The reply to a lead who set (or asked to set) a member's status: done, already so, or exactly what to type to confirm. */
export function statusReply(group: Group, outcome: StatusOutcome): Message {
  const status = word[outcome.status];
  const mention = (text: string): Message => ({
    text: `A member ${text}`,
    blocks: [{ type: "mention", address: outcome.member, text }],
  });
  if (outcome.kind === "unchanged") return mention(`is already marked ${status} in ${group.name}. Nothing changed.`);
  if (outcome.kind === "changed") {
    const back =
      outcome.status === "on-hold" || outcome.status === "hospitalised"
        ? ` When they're back, type \`status ${group.id} ${outcome.reference} active\`.`
        : "";
    return mention(`is now marked ${status} in ${group.name}. ${done[outcome.status]}${back}`);
  }
  const command = `status ${group.id} ${outcome.reference} ${outcome.status} confirm`;
  return {
    text: `A member will be marked ${status} in ${group.name} once you confirm. To go ahead, type: ${command}`,
    blocks: [
      {
        type: "mention",
        address: outcome.member,
        text: `will be marked ${status} in ${group.name}. ${willDo(outcome)}`,
      },
      { type: "text", text: `Nothing has changed yet. To go ahead, type exactly:\n\`${command}\`` },
    ],
  };
}
