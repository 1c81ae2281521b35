/** Keys seen recently (event ids, clicks), forgotten after `ttlMs` and capped in number so memory stays bounded. */
export class RecentKeys {
  private readonly seenAt = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records `key`; true if it was already recorded within the time to live (a repeat to ignore). */
  claim(key: string): boolean {
    const now = this.now();
    for (const [old, at] of this.seenAt) {
      if (now - at < this.ttlMs && this.seenAt.size < this.capacity) break;
      this.seenAt.delete(old);
    }
    const at = this.seenAt.get(key);
    if (at !== undefined && now - at < this.ttlMs) return true;
    this.seenAt.delete(key);
    this.seenAt.set(key, now);
    return false;
  }

  /** Forgets `key`, so the same thing may be tried again at once (after a failure). */
  release(key: string): void {
    this.seenAt.delete(key);
  }
}
