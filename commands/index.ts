import type { CommandDefinition } from "../src/core/command.js";
import { attendance } from "./attendance.js";
import { exportCommand } from "./export.js";
import { help } from "./help.js";
import { pause } from "./pause.js";
import { resume } from "./resume.js";
import { status } from "./status.js";
import { summary } from "./summary.js";

/** Every chat command, listed explicitly; help shows them in this order. */
export const commands: readonly CommandDefinition[] = [help, summary, exportCommand, attendance, status, pause, resume];
