import type { z } from "zod";
import type { Address } from "../kernel/address.js";
import type { CoreContext } from "./context.js";
import type { Message } from "../kernel/message.js";

/** Who may run a command; the command itself checks the group when it names one. */
export type Access = "anyone" | "members" | "leads-and-care-team";

/** Who asked, and from where (a channel, for commands typed in the care team's channel). */
export interface Invocation {
  readonly ctx: CoreContext;
  readonly from: Address;
  readonly channel?: Address;
  /** Every command, for help. */
  readonly commands: readonly CommandDefinition[];
  /** Sends a message to another address (a command that shares something with a channel); throws DeliveryError when it cannot. */
  send(to: Address, message: Message): Promise<void>;
}

/** A chat command: its help is its definition, its run is a few lines over core services. */
export interface CommandDefinition<A = unknown> {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly access: Access;
  /** Validates the words after the command name. */
  readonly args: z.ZodType<A, string[]>;
  run(invocation: Invocation, args: A): Promise<Message>;
}

/** Declares a command with its argument type checked against its run. */
export function defineCommand<A>(definition: CommandDefinition<A>): CommandDefinition {
  return definition as CommandDefinition;
}
