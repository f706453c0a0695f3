/**
 * Counts failed sign-ins per (account, address) and per address in a sliding window, in memory.
 * One process serves a Musubi instance, so memory is the right place; a restart forgives.
 */
export class LoginLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly maxAttempts: number,
    private readonly windowMs: number,
  ) {}

  #recent(key: string, now: number): number[] {
    const list = (this.#failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, list);
    return list;
  }

  /** True when this account or address has used up its attempts. */
  isBlocked(email: string, ip: string, now = Date.now()): boolean {
    return (
      this.#recent(`a:${email}|${ip}`, now).length >= this.maxAttempts ||
      // An address guessing across many accounts gets a wider, but finite, allowance.
      this.#recent(`i:${ip}`, now).length >= this.maxAttempts * 5
    );
  }

  recordFailure(email: string, ip: string, now = Date.now()): void {
    for (const key of [`a:${email}|${ip}`, `i:${ip}`]) {
      const list = this.#recent(key, now);
      list.push(now);
      this.#failures.set(key, list);
    }
  }

  recordSuccess(email: string, ip: string): void {
    this.#failures.delete(`a:${email}|${ip}`);
  }
}
