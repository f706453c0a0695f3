/**
 * A FIFO lock around a database's single connection (SQLite, PGlite): callers queue for it in
 * arrival order, so concurrent requests wait their turn instead of failing or starving.
 */
export class ConnectionQueue {
  readonly #waiting: (() => void)[] = [];
  #held = false;

  async acquire(): Promise<void> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#held = true;
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}
