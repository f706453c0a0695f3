import { sql } from "kysely";
import type { Db } from "../../src/db/connect.ts";
import { hashEntry } from "../../src/audit/audit.hash.ts";

/**
 * What an attacker with full rights on the database can do to the ledger, for tests that prove
 * verification catches it. First the append-only triggers go, as DDL rights allow.
 */
export async function dropLedgerTriggers(db: Db): Promise<void> {
  if (db.dialect === "sqlite") {
    await sql.raw("drop trigger if exists audit_log_no_update").execute(db.kysely);
    await sql.raw("drop trigger if exists audit_log_no_delete").execute(db.kysely);
  } else {
    await sql.raw("drop trigger if exists audit_log_no_update_delete on audit_log").execute(db.kysely);
  }
}

/** Cuts the last `n` entries off an organisation's chain: what is left still verifies on its own. */
export async function cutTail(db: Db, orgId: string, n: number): Promise<void> {
  await dropLedgerTriggers(db);
  const head = await db.kysely.selectFrom("audit_log").select((eb) => eb.fn.max("seq").as("s")).where("org_id", "=", orgId).executeTakeFirstOrThrow();
  await db.kysely.deleteFrom("audit_log").where("org_id", "=", orgId).where("seq", ">", Number(head.s) - n).execute();
}

/**
 * Edits entry `seq` with `change`, then recomputes its hash and every later entry's `prev_hash` and
 * `hash` with the published algorithm: a chain that verifies on its own, with a forged history.
 */
export async function editAndRehash(db: Db, orgId: string, seq: number, change: { action?: string; actor_label?: string }): Promise<void> {
  await dropLedgerTriggers(db);
  const rows = await db.kysely.selectFrom("audit_log").selectAll().where("org_id", "=", orgId).where("seq", ">=", seq).orderBy("seq").execute();
  let prev = rows[0]!.prev_hash;
  for (const [i, row] of rows.entries()) {
    const forged = { ...row, ...(i === 0 ? change : {}), prev_hash: prev };
    forged.hash = hashEntry(forged);
    await db.kysely
      .updateTable("audit_log")
      .set({ action: forged.action, actor_label: forged.actor_label, prev_hash: forged.prev_hash, hash: forged.hash })
      .where("org_id", "=", orgId)
      .where("seq", "=", row.seq)
      .execute();
    prev = forged.hash;
  }
}
