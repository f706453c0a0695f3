import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedOrg, testApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { cutTail, dropLedgerTriggers, editAndRehash } from "../../test/support/tamper.ts";
import type { Db } from "../db/connect.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { checkpointFile } from "./audit.checkpoint-file.ts";
import { checkpointEntries, checkpointIfDue, createCheckpoints } from "./audit.checkpoint.service.ts";
import { verifyWithCheckpoints } from "./audit.checkpoint-verify.ts";
import { parsePublicKey, publicKeyPem, rotateSigningKey } from "./audit.keys.ts";
import { appendAudit, type AuditEvent } from "./audit.store.ts";
import { verifyLedger } from "./audit.verify.ts";

async function makeOrg(db: Db, slug: string): Promise<string> {
  const id = newId("org");
  const now = nowIso();
  await db.kysely
    .insertInto("organizations")
    .values({ id, slug, name_ja: slug, name_en: slug, settings: "{}", created_at: now, updated_at: now, version: 1 })
    .execute();
  return id;
}

/** A compiled query with its parameters written in, for EXPLAIN QUERY PLAN. */
function inline(text: string, params: readonly unknown[]): string {
  let i = 0;
  return text.replace(/\?/g, () => `'${String(params[i++]).replace(/'/g, "''")}'`);
}

function events(orgId: string, n: number): AuditEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    orgId,
    actor: { type: "user" as const, id: "usr_x", label: "x@example.com" },
    action: "thing.updated",
    entityType: "thing",
    entityId: `t${i}`,
    after: { n: i },
  }));
}

describe.each(testDatabases())("ledger checkpoints ($name)", (dialect) => {
  let ctx: Awaited<ReturnType<typeof dialect.open>>;
  let db: Db;
  let orgA: string;
  let orgB: string;
  let dataDir: string;
  beforeEach(async () => {
    ctx = await dialect.open();
    db = ctx.db;
    dataDir = ctx.dataDir;
    orgA = await makeOrg(db, "a");
    orgB = await makeOrg(db, "b");
  });
  afterEach(() => ctx.cleanup());

  const append = (evs: AuditEvent[]) => db.kysely.transaction().execute((trx) => appendAudit(trx, db.dialect, evs));
  const verify = (opts: { files?: string[]; orgId?: string } = {}) => verifyWithCheckpoints(db, opts.orgId, { dataDir, ...(opts.files && { files: opts.files }) });
  const chainOf = async (orgId: string, opts: { files?: string[] } = {}) => (await verify(opts)).chains.find((c) => c.orgId === orgId)!;

  it("signs each moved head once, in the file and in the ledger, after the head it covers", async () => {
    await append([...events(orgA, 5), ...events(orgB, 3)]);
    const first = await createCheckpoints(db, dataDir);
    expect(first.signed.map((c) => [c.org, c.seq])).toEqual([orgA, orgB].sort().map((o) => [o, o === orgA ? 5 : 3]));
    const again = await createCheckpoints(db, dataDir);
    expect(again).toMatchObject({ signed: [], skipped: 2 });
    await append(events(orgA, 2));
    const third = await createCheckpoints(db, dataDir);
    expect(third.signed.map((c) => [c.org, c.seq])).toEqual([[orgA, 8]]);

    expect(fs.readFileSync(checkpointFile(dataDir), "utf8").trim().split("\n")).toHaveLength(3);
    const entries = await db.kysely.selectFrom("audit_log").select(["seq", "action", "entity_id"]).where("org_id", "=", orgA).where("action", "=", "audit.checkpoint").orderBy("seq").execute();
    expect(entries).toEqual([
      { seq: 6, action: "audit.checkpoint", entity_id: "5" },
      { seq: 9, action: "audit.checkpoint", entity_id: "8" },
    ]);
    const report = await verify();
    expect(report.ok).toBe(true);
    // Each checkpoint is in the file and the ledger: checked once.
    expect(report.checkpoints.checked).toBe(3);
    expect(report.chains.find((c) => c.orgId === orgA)!.checkpoint).toMatchObject({ seq: 8 });
  });

  it("detects the last 10 entries removed once a checkpoint exists", async () => {
    await append(events(orgA, 40));
    await createCheckpoints(db, dataDir); // covers #40; its entry is #41
    await cutTail(db, orgA, 10); // #32–#41 gone
    // The walk alone (all there was before checkpoints) finds nothing wrong:
    expect((await verifyLedger(db, orgA)).ok).toBe(true);
    const report = await verify();
    expect(report.ok).toBe(false);
    const a = report.chains.find((c) => c.orgId === orgA)!;
    expect(a.firstBreak).toMatchObject({ seq: 40, reason: "truncated_below_checkpoint", found: "head #31" });
  });

  it("detects an edit re-hashed through the head with the published algorithm", async () => {
    await append(events(orgA, 20));
    await createCheckpoints(db, dataDir); // covers #20
    await append(events(orgA, 9)); // #22–#30
    await editAndRehash(db, orgA, 5, { action: "thing.never_happened" });
    expect((await verifyLedger(db, orgA)).ok).toBe(true);
    const a = await chainOf(orgA);
    expect(a.ok).toBe(false);
    expect(a.firstBreak).toMatchObject({ seq: 20, reason: "checkpoint_mismatch" });
  });

  it("detects truncation from a checkpoint kept elsewhere when the instance's own copies are gone", async () => {
    await append(events(orgA, 30));
    const { signed } = await createCheckpoints(db, dataDir);
    const kept = path.join(dataDir, "..", `witness-${path.basename(dataDir)}.jsonl`);
    fs.writeFileSync(kept, `${JSON.stringify(signed[0])}\n`);
    try {
      await cutTail(db, orgA, 10); // removes the ledger's checkpoint entry (#31) too
      fs.rmSync(checkpointFile(dataDir));
      expect((await verify()).ok).toBe(true);
      const a = await chainOf(orgA, { files: [kept] });
      expect(a.firstBreak).toMatchObject({ seq: 30, reason: "truncated_below_checkpoint", found: "head #21" });
    } finally {
      fs.rmSync(kept, { force: true });
    }
  });

  it("detects an organisation whose every entry was removed", async () => {
    await append(events(orgB, 4));
    await createCheckpoints(db, dataDir);
    await dropLedgerTriggers(db);
    await db.kysely.deleteFrom("audit_log").where("org_id", "=", orgB).execute();
    const b = await chainOf(orgB);
    expect(b).toMatchObject({ ok: false, entries: 0, firstBreak: { seq: 4, reason: "truncated_below_checkpoint", found: "no entries" } });
  });

  it("refuses a checkpoint whose values or signature were altered", async () => {
    await append(events(orgA, 6));
    await createCheckpoints(db, dataDir);
    const file = checkpointFile(dataDir);
    const cp = JSON.parse(fs.readFileSync(file, "utf8"));
    const otherSig = Buffer.from(cp.signature, "base64");
    otherSig[0]! ^= 1;
    fs.appendFileSync(file, `${JSON.stringify({ ...cp, time: "2026-01-01T00:00:00.000Z" })}\n${JSON.stringify({ ...cp, signature: otherSig.toString("base64") })}\n`);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.checkpoints.problems.map((p) => [p.reason, p.at])).toEqual([
      ["checkpoint_bad_signature", "line 2"],
      ["checkpoint_bad_signature", "line 3"],
    ]);
    expect(report.chains[0]!.firstBreak).toMatchObject({ seq: 6, reason: "checkpoint_bad_signature" });
  });

  it("checks a kept checkpoint against the key the auditor gives, not the instance's", async () => {
    await append(events(orgA, 3));
    const { signed } = await createCheckpoints(db, dataDir);
    const kept = path.join(dataDir, "kept.json");
    fs.writeFileSync(kept, JSON.stringify(signed));
    const instanceKey = parsePublicKey(fs.readFileSync(path.join(dataDir, "audit-keys", "keys.json"), "utf8").match(/"publicKey": "([^"]+)"/)![1]!);
    const ok = await verifyWithCheckpoints(db, undefined, { dataDir, files: [kept], publicKeys: [instanceKey] });
    expect(ok.ok).toBe(true);
    const { active } = rotateSigningKey(path.join(dataDir, "elsewhere"));
    const wrong = await verifyWithCheckpoints(db, undefined, { dataDir, files: [kept], publicKeys: [parsePublicKey(publicKeyPem(active))] });
    expect(wrong.checkpoints.problems).toMatchObject([{ reason: "checkpoint_bad_signature", source: kept }]);
  });

  it("keeps checkpoints signed before a key rotation verifiable", async () => {
    await append(events(orgA, 3));
    const before = await createCheckpoints(db, dataDir);
    rotateSigningKey(dataDir);
    await append(events(orgA, 3));
    const after = await createCheckpoints(db, dataDir);
    expect(after.keyId).not.toBe(before.keyId);
    const report = await verify();
    expect(report.ok).toBe(true);
    expect(report.checkpoints.checked).toBe(2);
  });

  it("enqueues the checkpoint for the organisation's endpoints subscribed to audit.checkpoint", async () => {
    const now = nowIso();
    const endpoint = (org: string, events: string[]) => ({ id: newId("whk"), org_id: org, url: "https://witness.example/in", secret: "whsec_x", events: JSON.stringify(events), active: 1, created_at: now, updated_at: now, version: 1 });
    const witness = endpoint(orgA, ["audit.checkpoint"]);
    const family = endpoint(orgA, ["audit.*"]);
    const other = endpoint(orgA, ["task.*"]);
    const inactive = { ...endpoint(orgA, ["*"]), active: 0 };
    const elsewhere = endpoint(orgB, ["audit.checkpoint"]);
    await db.kysely.insertInto("webhook_endpoints").values([witness, family, other, inactive, elsewhere]).execute();
    await append(events(orgA, 2));
    const { signed } = await createCheckpoints(db, dataDir);
    const rows = await db.kysely.selectFrom("outbox").selectAll().orderBy("target").execute();
    expect(rows.map((r) => r.target).sort()).toEqual([witness.id, family.id].sort());
    const body = JSON.parse(rows[0]!.payload);
    expect(rows[0]).toMatchObject({ org_id: orgA, channel: "webhook", event: "audit.checkpoint", status: "pending" });
    expect(body).toMatchObject({ event: "audit.checkpoint", orgId: orgA, data: { checkpoint: signed[0] } });
    expect(body.data.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it("signs on schedule: not before the interval since the key or the last checkpoint", async () => {
    await append(events(orgA, 2));
    const hour = 3_600_000;
    expect(await checkpointIfDue(db, dataDir, hour)).toBeUndefined();
    const later = new Date(Date.now() + hour + 1000);
    expect((await checkpointIfDue(db, dataDir, hour, { now: later }))?.signed).toHaveLength(1);
    expect(await checkpointIfDue(db, dataDir, hour, { now: new Date(Date.now() + 1000) })).toBeUndefined();
  });

  it("finds the ledger's checkpoint entries through an index, not by reading every entry", async () => {
    await append(events(orgA, 3));
    await createCheckpoints(db, dataDir);
    const q = checkpointEntries(db.kysely, [orgA, orgB]);
    expect((await q.execute()).map((r) => r.seq)).toEqual([4]);
    // PostgreSQL rightly scans a table this small; its plan says nothing here.
    if (db.dialect !== "sqlite") return;
    const compiled = q.compile();
    const plan = await sql.raw(`explain query plan ${inline(compiled.sql, compiled.parameters)}`).execute(db.kysely);
    expect(JSON.stringify(plan.rows)).toMatch(/USING INDEX audit_log_entity \(org_id=\? AND entity_type=\?\)/);
  });

  it("answers GET /api/audit/verify with the checkpoint the chain was held against, and its break", async () => {
    const org = await seedOrg(db, "verifyapi");
    await createCheckpoints(db, dataDir, { orgId: org.orgId });
    const api = testApp(db, dataDir);
    const ok = await api.call("GET", "/api/audit/verify", { token: org.tokens.auditor });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, checkpoints: { checked: 1, latest: { seq: ok.body.headSeq - 1 } } });
    await cutTail(db, org.orgId, 3);
    const broken = await api.call("GET", "/api/audit/verify", { token: org.tokens.auditor });
    expect(broken.body).toMatchObject({ ok: false, firstBreak: { reason: "truncated_below_checkpoint" } });
  });
});
