import { createRequire } from "node:module";
import type Pg from "pg";

const require = createRequire(import.meta.url);

/**
 * The `pg` driver, loaded on first use: a SQLite installation never pays for it at start-up, and
 * the ledger-verification workers load it without the rest of the database layer.
 * int8 arrives as a string by default; ledger sequence numbers fit a JS number.
 */
export function loadPg(): typeof Pg {
  const pg = require("pg") as typeof Pg;
  pg.types.setTypeParser(20, (v) => Number(v));
  return pg;
}
