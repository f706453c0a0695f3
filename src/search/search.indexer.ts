import type { Kysely } from "kysely";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import type { Logger } from "../platform/logger.ts";
import { indexQueued, settleIndex } from "./search.pg.ts";

/** How often a server looks for records queued by writes it did not make itself (another server, the command line). */
const LOOK_EVERY_MS = 1_000;

const running = new WeakMap<object, Promise<void>>();

/**
 * Files every record queued for PostgreSQL's text index, batch after batch, until none is left
 * (SQLite's index is kept by its triggers: nothing to do). One run at a time per database handle;
 * a call during a run joins it, and the run goes on until a batch finds the queue empty, so what
 * was queued before the call is filed when it resolves.
 */
export function indexAllQueued(db: Db | Kysely<Database>): Promise<void> {
  const k = "kysely" in db ? db.kysely : db;
  if (("dialect" in db && db.dialect === "sqlite")) return Promise.resolve();
  let run = running.get(k);
  if (!run) {
    run = (async () => {
      let filed = 0;
      for (let n; (n = await indexQueued(k)) > 0; filed += n) await new Promise((r) => setImmediate(r));
      if (filed > 0) await settleIndex(k);
    })().finally(() => running.delete(k));
    running.set(k, run);
  }
  return run;
}

/**
 * Every PostgreSQL server files the queue, whether or not it runs the other background jobs: the
 * queue is part of every write, and search is slower (never wrong) while records wait in it.
 * Several servers take different records (`SKIP LOCKED`).
 */
export function startSearchIndexer(db: Db, logger: Logger): { stop(): Promise<void> } {
  if (db.dialect === "sqlite") return { stop: async () => {} };
  const tick = () => void indexAllQueued(db).catch((err) => logger.error({ err }, "filing records into the text index failed"));
  const timer = setInterval(tick, LOOK_EVERY_MS);
  timer.unref();
  tick();
  return {
    // A batch being filed finishes before the database is closed.
    async stop() {
      clearInterval(timer);
      await running.get(db.kysely)?.catch(() => undefined);
    },
  };
}
