import type { Group } from "../../core/setup/index.js";
import type { Message } from "../../kernel/message.js";

/** What leads or the care team get when an alert was raised but its details can no longer be found. */
export function alertUnavailableMessage(group: Group): Message {
  const text = `An alert about ${group.name} was raised, but its details are no longer available. Try \`summary ${group.id}\`.`;
  return { text, blocks: [{ type: "text", text }] };
}
