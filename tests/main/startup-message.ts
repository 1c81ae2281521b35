import { expect } from "vitest";
import { StartupError } from "../../src/kernel/errors.js";

/** The message of the StartupError that `run` throws (and a failed test when it throws none or another error). */
export function startupMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StartupError);
    return (error as Error).message;
  }
  throw new Error("expected a StartupError");
}
