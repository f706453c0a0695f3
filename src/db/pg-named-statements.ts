import { createHash } from "node:crypto";
import type Pg from "pg";

const MAX_NAMED_PER_CONNECTION = 500;
const MAX_SQL_LENGTH = 4000;
const patched = Symbol("musubi.namedStatements");

/**
 * Wraps a pool so that each connection runs parameterised statements as named prepared statements:
 * PostgreSQL then parses and plans each statement shape once per connection instead of on every
 * call, which on a busy 2-core server was a large share of a request's cost. Statements without
 * parameters (BEGIN, COMMIT, the ledger append sent with COMMIT) keep the simple protocol, and the
 * number of names per connection is bounded so dynamic SQL cannot grow server memory without end.
 */
export function withNamedStatements(pool: Pg.Pool): Pg.Pool {
  const connect = pool.connect.bind(pool) as () => Promise<Pg.PoolClient>;
  const connectNamed = async (): Promise<Pg.PoolClient> => {
    const client = await connect();
    const marked = client as Pg.PoolClient & { [patched]?: true };
    if (!marked[patched]) {
      marked[patched] = true;
      const names = new Map<string, string>();
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as { query: unknown }).query = (...args: unknown[]) => {
        const [text, values, ...rest] = args;
        if (typeof text === "string" && Array.isArray(values) && values.length > 0 && text.length <= MAX_SQL_LENGTH) {
          let name = names.get(text);
          if (name === undefined && names.size < MAX_NAMED_PER_CONNECTION) {
            name = `k${createHash("sha256").update(text).digest("hex").slice(0, 20)}`;
            names.set(text, name);
          }
          // Any callback pg's own pool passes stays in place after the config object.
          if (name !== undefined) return query({ name, text, values }, ...rest);
        }
        return query(...args);
      };
    }
    return client;
  };
  // pg's own pool.query() calls connect with a callback; Kysely awaits the promise. Serve both.
  (pool as { connect: unknown }).connect = (callback?: (err: Error | undefined, client?: Pg.PoolClient, done?: () => void) => void) => {
    const promise = connectNamed();
    if (!callback) return promise;
    promise.then(
      (client) => callback(undefined, client, () => client.release()),
      (err: Error) => callback(err),
    );
    return undefined;
  };
  return pool;
}
