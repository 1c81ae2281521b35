import { defineCommand } from "../src/core/command.js";
import { no } from "./no.js";

/** `stop check-ins`: another way to say `no check-ins`. */
export const stop = defineCommand({
  ...no,
  name: "stop",
  summary: "The same as `no check-ins` (members)",
  usage: "stop check-ins",
});
