import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * The next number of a per-organisation sequence (`system_code`, `risk_code`, …), kept in
 * `counters` under the family `sequence`. The upsert locks the counter row until the transaction
 * ends, so two concurrent writers never draw the same number.
 */
export async function nextInSequence(trx: Transaction<Database>, orgId: string, key: string): Promise<number> {
  const row = await trx
    .insertInto("counters")
    .values({ org_id: orgId, name: "sequence", key, n: 1 })
    .onConflict((oc) => oc.columns(["org_id", "name", "key"]).doUpdateSet((eb) => ({ n: eb("counters.n", "+", 1) })))
    .returning("n")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The next `PREFIX-000001`-style code that no row uses yet: codes may also be typed by hand or
 * imported, so a drawn number that is already taken is skipped.
 */
export async function nextFreeCode(trx: Transaction<Database>, orgId: string, key: string, prefix: string, taken: (code: string) => Promise<boolean>): Promise<string> {
  for (;;) {
    const code = `${prefix}-${String(await nextInSequence(trx, orgId, key)).padStart(6, "0")}`;
    if (!(await taken(code))) return code;
  }
}

/**
 * Reserves `n` consecutive numbers of a sequence at once and returns the first: bulk work (a
 * year's review tasks for every system) numbers its rows without a statement per row.
 */
export async function reserveInSequence(trx: Transaction<Database>, orgId: string, key: string, n: number): Promise<number> {
  const row = await trx
    .insertInto("counters")
    .values({ org_id: orgId, name: "sequence", key, n })
    .onConflict((oc) => oc.columns(["org_id", "name", "key"]).doUpdateSet((eb) => ({ n: eb("counters.n", "+", n) })))
    .returning("n")
    .executeTakeFirstOrThrow();
  return Number(row.n) - n + 1;
}
