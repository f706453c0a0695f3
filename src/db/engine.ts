import { PostgresAdapter, sql, type Kysely, type OperationNode, type QueryExecutor } from "kysely";

/**
 * Whether a Kysely handle (or a transaction of one) talks to PostgreSQL: for the few hot writes
 * that are combined into one statement there (one round trip over the network) and left as
 * separate statements on SQLite (in-process, where a statement costs no round trip).
 */
export function isPostgres(db: { getExecutor(): QueryExecutor }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A statement built but not yet run (an insert, update or delete builder). */
export interface Statement {
  execute(): Promise<unknown>;
  toOperationNode(): OperationNode;
}

/**
 * Runs writes that need no answer, in order. On PostgreSQL they go as one statement (the first
 * ones as data-modifying `WITH` parts, the last as the statement itself: one round trip, run
 * with one snapshot, so none of them may read what another writes); on SQLite one after another.
 * For the few writes a busy path makes together, such as storing a received submission.
 */
export async function writeTogether(db: { getExecutor(): QueryExecutor }, statements: readonly Statement[]): Promise<void> {
  if (statements.length === 0) return;
  if (!isPostgres(db) || statements.length === 1) {
    for (const s of statements) await s.execute();
    return;
  }
  const parts = statements.slice(0, -1).map((s, i) => sql`${sql.raw(`w${i}`)} as (${s})`);
  await sql`with ${sql.join(parts)} ${statements.at(-1)!}`.execute(db as Kysely<unknown>);
}
