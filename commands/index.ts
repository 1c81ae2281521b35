import type { CommandDefinition } from "../src/core/command.js";
import { attendance } from "./attendance.js";
import { checkins } from "./check-ins.js";
import { deleteCommand } from "./delete.js";
import { exportCommand } from "./export.js";
import { forget } from "./forget.js";
import { help } from "./help.js";
import { my } from "./my.js";
import { no } from "./no.js";
import { pause } from "./pause.js";
import { resume } from "./resume.js";
import { status } from "./status.js";
import { stop } from "./stop.js";
import { summary } from "./summary.js";

/** Every chat command, listed explicitly; help shows them in this order. */
export const commands: readonly CommandDefinition[] = [
  help,
  summary,
  exportCommand,
  attendance,
  status,
  forget,
  pause,
  resume,
  no,
  checkins,
  my,
  deleteCommand,
  stop,
];
