import type { Db } from "../../db/connect.ts";
import { prepared } from "../../db/prepared.ts";

interface Entry {
  head: number;
  /** The answer as UTF-8 bytes: a hit is written to the socket without encoding it again. */
  body: Uint8Array;
}

/**
 * Answers of cacheable GET routes, keyed by organisation and URL and labelled with the
 * organisation's ledger head when they were computed. Every state change appends to the ledger
 * in the same transaction, so "the head has not moved" means "nothing this answer depends on has
 * changed" — on any number of server processes, since the head is read from the database.
 * A label is never newer than the data under it (the head is read first), so a hit is never stale.
 */
export class PageCache {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string, head: number): Uint8Array | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.head !== head) return undefined;
    // Refresh its place: the Map's order is the eviction order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.body;
  }

  set(key: string, head: number, body: Uint8Array): void {
    const old = this.#entries.get(key);
    if (old) {
      this.#bytes -= old.body.length;
      this.#entries.delete(key);
    }
    if (body.length > this.maxBytes / 16) return;
    this.#entries.set(key, { head, body });
    this.#bytes += body.length;
    for (const [k, e] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= e.body.length;
    }
  }
}

const headOf = prepared((db) =>
  db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.max("seq").as("head"))
    .where("org_id", "=", ""),
);

/** The organisation's ledger head: one index seek on the (org_id, seq) primary key. */
export async function ledgerHead(db: Db, orgId: string): Promise<number> {
  const [row] = await headOf(db, [orgId]);
  return Number(row?.head ?? 0);
}
