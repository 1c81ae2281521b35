import type { SweepReport } from "./dispatcher.js";

/** Failures in one sweep that count as failing in bulk: at least this many, and more than half of its attempts. */
export const bulkFailures = 10;

/** Deliveries failing in bulk: the sweep that showed it, in counts. */
export interface BulkFailure {
  readonly failed: number;
  readonly attempts: number;
}

/** What the outbox sweeps have done lately, in times and counts (for /healthz and the operators' notices). */
export class SweepRecord {
  private lastSuccess: Date | undefined;
  private bulk: BulkFailure | undefined;

  constructor(readonly startedAt: Date) {}

  /** When a sweep last went through every group, if one has. */
  get lastSuccessAt(): Date | undefined {
    return this.lastSuccess;
  }

  /** The sweep that showed deliveries failing in bulk, until a later one sends most of what it attempts. */
  get failingInBulk(): BulkFailure | undefined {
    return this.bulk;
  }

  /** Notes a finished sweep; one that could not read a group does not count as a success. */
  finished(report: SweepReport, at: Date): void {
    if (report.groupErrors === 0) this.lastSuccess = at;
    const failed = report.failed + report.retrying;
    const attempts = report.sent + failed;
    if (failed >= bulkFailures && failed * 2 > attempts) this.bulk = { failed, attempts };
    else if (attempts > 0 && failed * 2 <= attempts) this.bulk = undefined;
  }
}
