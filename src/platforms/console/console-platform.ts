import { createInterface } from "node:readline";
import type { Logger } from "../../kernel/ports.js";
import type { ConsoleSession } from "./inbound/console-session.js";

/** The console as a platform: reads the person's lines one at a time until they type /quit or the input ends. */
export async function converse(options: {
  session: ConsoleSession;
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  logger: Logger;
}): Promise<void> {
  const { session, write, logger } = options;
  const lines = createInterface({ input: options.input, terminal: false });
  let quit = false;
  await new Promise<void>((resolve) => {
    let chain = Promise.resolve();
    lines.on("line", (line) => {
      chain = chain.then(async () => {
        if (quit) return;
        const result = await session.handleLine(line).catch((error: unknown) => {
          logger.error({ error: (error as Error).name }, "console line failed");
          write("Sorry, something went wrong on our side; the details are in the log.\n");
        });
        if (result === "quit") {
          quit = true;
          lines.close();
        }
      });
    });
    lines.on("close", () => void chain.then(resolve));
  });
}
