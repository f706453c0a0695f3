import type { PGlite } from "@electric-sql/pglite";
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from "kysely";
import { ConnectionQueue } from "../../src/db/connection-queue.ts";

/**
 * Kysely over PGlite (PostgreSQL compiled to WASM): the PostgreSQL dialect's stand-in where no
 * server runs. One connection, so callers queue for it like SQLite's; CI uses a real server.
 */
export class PgliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgliteDriver(this.pg);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}

class PgliteDriver implements Driver {
  readonly #queue = new ConnectionQueue();
  readonly #connection: DatabaseConnection;
  constructor(private readonly pg: PGlite) {
    this.#connection = {
      executeQuery: async <R>(q: CompiledQuery): Promise<QueryResult<R>> => {
        // Like node-postgres, a query without parameters may hold several statements.
        if (q.parameters.length === 0) {
          const results = await pg.exec(q.sql);
          return { rows: (results.at(-1)?.rows ?? []) as R[] };
        }
        const res = await pg.query<R>(q.sql, [...q.parameters]);
        return { rows: res.rows, ...(res.affectedRows !== undefined && { numAffectedRows: BigInt(res.affectedRows) }) };
      },
      streamQuery: () => {
        throw new Error("streaming is not supported on PGlite");
      },
    };
  }
  async init() {}
  async acquireConnection() {
    await this.#queue.acquire();
    return this.#connection;
  }
  async releaseConnection() {
    this.#queue.release();
  }
  async beginTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw("begin"));
  }
  async commitTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw("commit"));
  }
  async rollbackTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw("rollback"));
  }
  async destroy() {
    await this.pg.close();
  }
}
