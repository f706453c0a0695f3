/**
 * Group commit: items that arrive for the same key while that key's previous batch is being
 * committed are committed together in the next one — one transaction, one ledger append, one
 * commit for many. An item that arrives when nothing is being committed goes at once, alone, so
 * a quiet server adds no latency; a busy one makes fewer, larger transactions. With `concurrency`
 * above 1, that many batches of one key may be committing at once (the next one's statements run
 * while the previous one waits for its commit).
 *
 * `commit(batch)` answers one outcome per item, in order. When it throws for a batch of several,
 * each item is committed again alone, so one bad item costs the others only a retry and each
 * caller gets its own answer; when it throws for an item alone, that caller gets the error.
 */
export class GroupCommit<T, R> {
  readonly #queues = new Map<string, { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[]>();
  /** Commits under way per key. */
  readonly #running = new Map<string, number>();
  readonly #paused = new Set<string>();

  constructor(
    private readonly commit: (key: string, batch: readonly T[]) => Promise<R[]>,
    private readonly opts: { maxBatch?: number; concurrency?: number } = {},
  ) {}

  /** Commits `item` with whatever else is waiting under `key`; resolves with its own outcome. */
  add(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.#queues.get(key);
      if (queue) queue.push({ item, resolve, reject });
      else this.#queues.set(key, [{ item, resolve, reject }]);
      this.#start(key);
    });
  }

  /** Starts committing `key`'s queue, unless it is paused or as many commits as allowed are under way. */
  #start(key: string): void {
    if (this.#paused.has(key) || (this.#running.get(key) ?? 0) >= (this.opts.concurrency ?? 1) || !this.#queues.get(key)?.length) return;
    void this.#drain(key);
  }

  /**
   * Holds `key`'s commits: what is added waits, as it would behind a long commit, until the
   * returned function is called. A commit already under way finishes. For tests that need
   * several items to arrive together.
   */
  pause(key: string): () => void {
    this.#paused.add(key);
    return () => {
      this.#paused.delete(key);
      for (let i = 0; i < (this.opts.concurrency ?? 1); i++) this.#start(key);
    };
  }

  /** Items waiting under `key` for the commit under way to finish (for metrics and tests). */
  waiting(key: string): number {
    return this.#queues.get(key)?.length ?? 0;
  }

  async #drain(key: string): Promise<void> {
    this.#running.set(key, (this.#running.get(key) ?? 0) + 1);
    try {
      for (;;) {
        const queue = this.#queues.get(key);
        if (!queue?.length || this.#paused.has(key)) break;
        const batch = queue.splice(0, this.opts.maxBatch ?? 64);
        if (!queue.length) this.#queues.delete(key);
        await this.#commitBatch(key, batch);
      }
    } finally {
      const left = (this.#running.get(key) ?? 1) - 1;
      if (left) this.#running.set(key, left);
      else this.#running.delete(key);
    }
  }

  async #commitBatch(key: string, batch: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[]): Promise<void> {
    try {
      const outcomes = await this.commit(
        key,
        batch.map((b) => b.item),
      );
      batch.forEach((b, k) => b.resolve(outcomes[k]!));
      return;
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
    }
    for (const b of batch) {
      try {
        const [outcome] = await this.commit(key, [b.item]);
        b.resolve(outcome!);
      } catch (err) {
        b.reject(err);
      }
    }
  }
}
