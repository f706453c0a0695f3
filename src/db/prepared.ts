import { createHash } from "node:crypto";
import type { CompiledQuery, Kysely } from "kysely";
import type { Db } from "./connect.ts";
import type { Database } from "./schema.ts";

/**
 * A query that every request runs (authentication, the ledger head), compiled once per database
 * instead of being rebuilt by Kysely's builder and compiler each time. `build` is called with
 * placeholder values; `run` supplies the real parameters in the same order. On PostgreSQL it runs
 * as a named prepared statement, so the server parses and plans it once per connection.
 */
export function prepared<R>(build: (db: Kysely<Database>) => { compile(): CompiledQuery<R> }) {
  const compiledFor = new WeakMap<Kysely<Database>, { query: CompiledQuery<R>; name: string }>();
  return async function run(db: Db, parameters: readonly unknown[]): Promise<R[]> {
    let compiled = compiledFor.get(db.kysely);
    if (!compiled) {
      const query = build(db.kysely).compile();
      if (query.parameters.length !== parameters.length) {
        throw new Error(`prepared query expects ${query.parameters.length} parameters, got ${parameters.length}`);
      }
      const name = `musubi_${createHash("sha256").update(query.sql).digest("hex").slice(0, 16)}`;
      compiled = { query, name };
      compiledFor.set(db.kysely, compiled);
    }
    if (db.pgPool) {
      const res = await db.pgPool.query<R & object>({ name: compiled.name, text: compiled.query.sql, values: [...parameters] });
      return res.rows;
    }
    return (await db.kysely.executeQuery<R>({ ...compiled.query, parameters })).rows;
  };
}
