import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { canonicalJson, GENESIS_HASH, hashEntry } from "./audit.hash.ts";
import { appendAudit, listAudit, type AuditEvent } from "./audit.store.ts";
import { verifyLedger } from "./audit.verify.ts";
import { audited, SYSTEM_ACTOR } from "./audited.ts";

async function makeOrg(db: Db, slug: string): Promise<string> {
  const id = newId("org");
  const now = nowIso();
  await db.kysely
    .insertInto("organizations")
    .values({ id, slug, name_ja: slug, name_en: slug, settings: "{}", created_at: now, updated_at: now, version: 1 })
    .execute();
  return id;
}

function events(orgId: string, n: number, from = 0): AuditEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    orgId,
    actor: { type: "user" as const, id: "usr_x", label: "x@example.com" },
    action: "thing.updated",
    entityType: "thing",
    entityId: `t${from + i}`,
    before: { n: from + i, name: "前" },
    after: { n: from + i + 1, name: "後", nested: { b: 2, a: 1 } },
  }));
}

/** Drops the append-only triggers, as an attacker with DDL rights could, to prove verify catches edits. */
async function dropTriggers(db: Db) {
  if (db.dialect === "sqlite") {
    await sql.raw("drop trigger audit_log_no_update").execute(db.kysely);
    await sql.raw("drop trigger audit_log_no_delete").execute(db.kysely);
  } else {
    await sql.raw("drop trigger audit_log_no_update_delete on audit_log").execute(db.kysely);
  }
}

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

describe.each(testDatabases())("audit ledger ($name)", (dialect) => {
  let ctx: Awaited<ReturnType<typeof dialect.open>>;
  let db: Db;
  let orgA: string;
  let orgB: string;
  beforeEach(async () => {
    ctx = await dialect.open();
    db = ctx.db;
    orgA = await makeOrg(db, "a");
    orgB = await makeOrg(db, "b");
  });
  afterEach(() => ctx.cleanup());

  const append = (evs: AuditEvent[]) => db.kysely.transaction().execute((trx) => appendAudit(trx, db.dialect, evs));

  it("chains each organisation's entries from genesis", async () => {
    await append([...events(orgA, 3), ...events(orgB, 2)]);
    await append(events(orgA, 2, 3));
    const rows = await db.kysely.selectFrom("audit_log").selectAll().where("org_id", "=", orgA).orderBy("seq").execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    for (const r of rows) expect(hashEntry(r)).toBe(r.hash);
    expect(rows[0]!.after_json).toBe('{"n":1,"name":"後","nested":{"a":1,"b":2}}');
    const report = await verifyLedger(db);
    expect(report).toMatchObject({ ok: true, entries: 7 });
    expect(report.chains.find((c) => c.orgId === orgB)).toMatchObject({ entries: 2, headSeq: 2 });
  });

  it("hashes awkward text the same in the database and in the verifier", async () => {
    const awkward = "O'Brien \\ \"quoted\" 🎌 改行\n\t$$ end; commit; --";
    await audited(db, { actor: { type: "user", id: "usr_q", label: awkward }, orgId: orgA, requestId: awkward }, async (_trx, record) => {
      record({ action: "thing.created", entityType: "thing", entityId: awkward, after: { name: awkward, n: 1.5, list: [null, true] } });
    });
    const row = await db.kysely.selectFrom("audit_log").selectAll().where("org_id", "=", orgA).executeTakeFirstOrThrow();
    expect(row.actor_label).toBe(awkward);
    expect(JSON.parse(row.after_json!).name).toBe(awkward);
    expect(hashEntry(row)).toBe(row.hash);
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("keeps concurrent appends to one organisation on one unbroken chain", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(events(orgA, 3, i * 3))));
    const report = await verifyLedger(db, orgA);
    expect(report).toMatchObject({ ok: true, entries: 60 });
    expect(report.chains[0]!.headSeq).toBe(60);
  });

  it("writes nothing when the surrounding work fails", async () => {
    await expect(
      audited(db, { actor: SYSTEM_ACTOR, orgId: orgA }, async (trx, record) => {
        await trx.updateTable("organizations").set({ name_en: "changed" }).where("id", "=", orgA).execute();
        record({ action: "org.updated", entityType: "organization", entityId: orgA });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const org = await db.kysely.selectFrom("organizations").select("name_en").where("id", "=", orgA).executeTakeFirstOrThrow();
    expect(org.name_en).toBe("a");
    expect((await verifyLedger(db)).entries).toBe(0);
  });

  it("refuses UPDATE, DELETE (and TRUNCATE on PostgreSQL) in the database itself", async () => {
    await append(events(orgA, 2));
    await expect(db.kysely.updateTable("audit_log").set({ action: "forged" }).where("seq", "=", 1).execute()).rejects.toThrow(/append-only/);
    await expect(db.kysely.deleteFrom("audit_log").where("seq", "=", 2).execute()).rejects.toThrow(/append-only/);
    if (db.dialect === "postgres") await expect(sql.raw("truncate audit_log").execute(db.kysely)).rejects.toThrow(/append-only/);
    expect((await verifyLedger(db)).entries).toBe(2);
  });

  it("reports the first edited entry as a hash mismatch", async () => {
    await append(events(orgA, 5));
    await dropTriggers(db);
    await db.kysely.updateTable("audit_log").set({ after_json: '{"n":999}' }).where("org_id", "=", orgA).where("seq", "=", 3).execute();
    const report = await verifyLedger(db);
    expect(report.ok).toBe(false);
    expect(report.chains[0]!.firstBreak).toMatchObject({ seq: 3, reason: "hash_mismatch" });
    expect(report.chains[0]!.headSeq).toBe(2);
  });

  it("reports a removed entry as a sequence gap", async () => {
    await append(events(orgA, 5));
    await dropTriggers(db);
    await db.kysely.deleteFrom("audit_log").where("org_id", "=", orgA).where("seq", "=", 4).execute();
    expect((await verifyLedger(db)).chains[0]!.firstBreak).toEqual({ seq: 4, reason: "seq_gap", expected: "4", found: "5" });
  });

  it("reports a re-hashed edit as a broken prev_hash link", async () => {
    await append(events(orgA, 4));
    await dropTriggers(db);
    const row = await db.kysely.selectFrom("audit_log").selectAll().where("org_id", "=", orgA).where("seq", "=", 2).executeTakeFirstOrThrow();
    const forged = { ...row, action: "forged" };
    await db.kysely.updateTable("audit_log").set({ action: "forged", hash: hashEntry(forged) }).where("org_id", "=", orgA).where("seq", "=", 2).execute();
    expect((await verifyLedger(db)).chains[0]!.firstBreak).toMatchObject({ seq: 3, reason: "prev_hash_mismatch" });
  });

  it("finds the same first break whether one thread or several walk the chain", async () => {
    await append(events(orgA, 40));
    await append(events(orgB, 25));
    await dropTriggers(db);
    // Break orgA's chain at a point that lands inside a later range, and remove orgB's entry that
    // sits exactly on a range boundary when split in three.
    await db.kysely.updateTable("audit_log").set({ entity_id: "edited" }).where("org_id", "=", orgA).where("seq", "=", 31).execute();
    await db.kysely.deleteFrom("audit_log").where("org_id", "=", orgB).where("seq", "=", 22).execute();
    const single = await verifyLedger(db, undefined, { threads: 1 });
    // Every split, including ones where the removed entry sits exactly at a range boundary
    // (walked on this thread: the splitting and joining are what is under test here)...
    for (const threads of [2, 3, 4, 5, 6, 7, 8, 13, 21, 22, 23]) {
      const split = await verifyLedger(db, undefined, { threads, workers: false });
      expect(split.chains, `${threads} ranges`).toEqual(single.chains);
    }
    // ...and once on real worker threads.
    expect((await verifyLedger(db, undefined, { threads: 3 })).chains).toEqual(single.chains);
    const a = single.chains.find((c) => c.orgId === orgA)!;
    const b = single.chains.find((c) => c.orgId === orgB)!;
    expect(a.firstBreak).toMatchObject({ seq: 31, reason: "hash_mismatch" });
    expect(a.headSeq).toBe(30);
    expect(b.firstBreak).toEqual({ seq: 22, reason: "seq_gap", expected: "22", found: "23" });
  });

  it("walks an intact ledger the same on any number of threads", async () => {
    await append([...events(orgA, 33), ...events(orgB, 17)]);
    const one = await verifyLedger(db, undefined, { threads: 1 });
    const three = await verifyLedger(db, undefined, { threads: 3 });
    expect(one.ok).toBe(true);
    expect(three).toEqual({ ...one, threads: three.threads });
    expect(one.chains.map((c) => c.headSeq).sort()).toEqual([17, 33]);
  });

  it("lists newest first with filters and a total", async () => {
    await append(events(orgA, 30));
    await append(events(orgB, 5));
    const page = await listAudit(db.kysely, orgA, { entityId: "t7" }, { limit: 10, offset: 0, order: "desc" });
    expect(page.total).toBe(1);
    expect(page.rows[0]!.entity_id).toBe("t7");
    const all = await listAudit(db.kysely, orgA, {}, { limit: 10, offset: 10, order: "desc" });
    expect(all.total).toBe(30);
    expect(all.rows.map((r) => r.seq)).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11]);
  });
});
