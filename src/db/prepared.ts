import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "./schema.ts";

/**
 * A query that every request runs (authentication, the ledger head), compiled once per database
 * instead of being rebuilt by Kysely's builder and compiler each time. `build` is called with
 * placeholder values; `run` supplies the real parameters in the same order.
 */
export function prepared<R>(build: (db: Kysely<Database>) => { compile(): CompiledQuery<R> }) {
  const compiledFor = new WeakMap<Kysely<Database>, CompiledQuery<R>>();
  return async function run(db: Kysely<Database>, parameters: readonly unknown[]): Promise<R[]> {
    let compiled = compiledFor.get(db);
    if (!compiled) {
      compiled = build(db).compile();
      if (compiled.parameters.length !== parameters.length) {
        throw new Error(`prepared query expects ${compiled.parameters.length} parameters, got ${parameters.length}`);
      }
      compiledFor.set(db, compiled);
    }
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}
