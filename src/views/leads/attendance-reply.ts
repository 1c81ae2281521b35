import type { AttendanceOutcome } from "../../core/attendance/index.js";
import type { Group } from "../../core/setup/index.js";
import { textMessage, type Message } from "../../kernel/message.js";

/** The reply to a lead who recorded attendance: how many of how many came, how many were named absent, and whether it replaced a record. */
export function attendanceReply(group: Group, session: number, outcome: AttendanceOutcome): Message {
  const missing = outcome.of - outcome.came;
  const named =
    missing === 0
      ? ""
      : outcome.namedAbsent === 0
        ? "; nobody named as absent"
        : `; ${outcome.namedAbsent} named as absent`;
  const replaced = outcome.replaced ? " This replaces the earlier record." : "";
  return textMessage(
    `Thank you. Session ${session} of ${group.name}: ${outcome.came} of ${outcome.of} came${named}.${replaced}`,
  );
}
