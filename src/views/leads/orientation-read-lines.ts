import type { OrientationReadStatus } from "../../core/answers/index.js";
import type { Block } from "../../kernel/message.js";

/** For the leads before session 1: how many members confirmed reading their orientation, then each one not yet. */
export function orientationReadLines({ read, notYet }: OrientationReadStatus): Block[] {
  return [
    { type: "text", text: `*Orientation read: ${read.length} of ${read.length + notYet.length}*` },
    ...notYet.map((member): Block => ({ type: "mention", address: member, text: "not yet" })),
  ];
}
