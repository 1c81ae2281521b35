import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { helpMessage } from "../src/views/member/help-message.js";

/** `help`: every command with its one-line summary, straight from the definitions. */
export const help = defineCommand({
  name: "help",
  summary: "List what you can ask Cohesion",
  usage: "help",
  access: "anyone",
  args: z.array(z.string()).max(0, "help takes no arguments"),
  async run({ commands }) {
    return helpMessage(commands);
  },
});
