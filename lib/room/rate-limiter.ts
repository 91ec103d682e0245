/**
 * Rate limits of the live room: a fixed budget of attempts per key per window. The in-memory
 * limiter serves one instance; with Redis the count lives in Redis (redis-rate-limiter.ts) so two
 * instances share one budget and a code walker gains nothing by alternating between them.
 * @module
 */

export interface RateLimit {
  /** Attempts allowed per window. */
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimiter {
  /** Counts one attempt for `key`; returns 0 when allowed, else the seconds until the window resets. */
  take(key: string): Promise<number>;
  /** Like `take` without counting: 0 when an attempt would be allowed now. */
  peek(key: string): Promise<number>;
}

interface Window {
  count: number;
  resetsAt: number;
}

/** Fixed windows in a Map; expired windows are dropped as they are met and by `sweep`. */
export class MemoryRateLimiter implements RateLimiter {
  readonly #windows = new Map<string, Window>();
  constructor(
    private readonly rule: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string): Promise<number> {
    const now = this.now();
    let window = this.#windows.get(key);
    if (!window || window.resetsAt <= now) {
      window = { count: 0, resetsAt: now + this.rule.windowMs };
      this.#windows.set(key, window);
    }
    window.count++;
    return window.count <= this.rule.limit ? 0 : Math.max(1, Math.ceil((window.resetsAt - now) / 1000));
  }

  async peek(key: string): Promise<number> {
    const now = this.now();
    const window = this.#windows.get(key);
    if (!window || window.resetsAt <= now || window.count < this.rule.limit) return 0;
    return Math.max(1, Math.ceil((window.resetsAt - now) / 1000));
  }

  /** Forgets finished windows, so a flood of distinct keys cannot grow the Map for ever. */
  sweep(): void {
    const now = this.now();
    for (const [key, window] of this.#windows) if (window.resetsAt <= now) this.#windows.delete(key);
  }
}
