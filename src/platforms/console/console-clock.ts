import type { Clock } from "../../kernel/ports.js";

/** The console's clock: real time, shifted by however far the person has moved it with /clock. */
export class ConsoleClock implements Clock {
  private offsetMs: number;

  constructor(
    start: Date,
    private readonly realNow: () => number = Date.now,
  ) {
    this.offsetMs = start.getTime() - realNow();
  }

  /** The simulated now. */
  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  /** Moves the clock to `instant` (only forward: time in a care setting does not run back). */
  moveTo(instant: Date): void {
    this.offsetMs = Math.max(this.offsetMs, instant.getTime() - this.realNow());
  }
}
