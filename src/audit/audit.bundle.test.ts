import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { exportBundle } from "./audit.bundle-export.ts";
import { verifyBundle } from "./audit.bundle-verify.ts";
import { createCheckpoints } from "./audit.checkpoint.service.ts";
import { ensureSigningKey, parsePublicKey } from "./audit.keys.ts";
import { appendAudit, type AuditEvent } from "./audit.store.ts";

function events(orgId: string, n: number, tag: string): AuditEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    orgId,
    actor: { type: "user" as const, id: "usr_x", label: "x@example.com" },
    action: "thing.updated",
    entityType: "thing",
    entityId: `${tag}${i}`,
    after: { n: i, tag },
  }));
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe.each(testDatabases())("audit bundles ($name)", (dialect) => {
  let ctx: Awaited<ReturnType<typeof dialect.open>>;
  let db: Db;
  let orgId: string;
  let dataDir: string;
  let out: string;
  const lines = () => fs.readFileSync(out, "utf8").trimEnd().split("\n");
  const write = (ls: string[]) => fs.writeFileSync(out, `${ls.join("\n")}\n`);
  const reasons = () => verifyBundle(out).problems.map((p) => p.reason);

  beforeEach(async () => {
    ctx = await dialect.open();
    db = ctx.db;
    dataDir = ctx.dataDir;
    out = path.join(dataDir, "bundle.jsonl");
    orgId = newId("org");
    const now = nowIso();
    await db.kysely.insertInto("organizations").values({ id: orgId, slug: "acme", name_ja: "acme", name_en: "acme", settings: "{}", created_at: now, updated_at: now, version: 1 }).execute();
  });
  afterEach(() => ctx.cleanup());

  const append = (n: number, tag: string) => db.kysely.transaction().execute((trx) => appendAudit(trx, db.dialect, events(orgId, n, tag)));

  it("exports the whole ledger as a bundle that verifies offline", async () => {
    await append(12, "a");
    await createCheckpoints(db, dataDir); // covers #12, entry #13
    await append(4, "b");
    await createCheckpoints(db, dataDir); // covers #17, entry #18
    const r = await exportBundle(db, { orgId, out, dataDir });
    expect(r).toMatchObject({ firstSeq: 1, lastSeq: 18, through: 18, entries: 18, checkpoints: 2 });
    const report = verifyBundle(out);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, entries: 18, firstSeq: 1, lastSeq: 18, checkpoints: { total: 2, held: 2, latest: { seq: 17 } }, afterLastCheckpoint: 1 });
    expect(report.keys).toEqual([{ keyId: ensureSigningKey(dataDir).keyId, from: "bundle" }]);
  });

  it("exports a time range anchored on the entry before it and carried to the checkpoint that covers it", async () => {
    await append(10, "a");
    await tick();
    const from = nowIso();
    await tick();
    await append(10, "b");
    await tick();
    const to = nowIso();
    await tick();
    await append(5, "c");
    await createCheckpoints(db, dataDir); // covers #25
    await append(3, "d");
    const r = await exportBundle(db, { orgId, from, to, out, dataDir });
    expect(r).toMatchObject({ firstSeq: 11, lastSeq: 20, through: 25, entries: 15, checkpoints: 1 });
    const header = JSON.parse(lines()[0]!);
    expect(header).toMatchObject({ range: { from, to, firstSeq: 11, lastSeq: 20 }, anchor: { seq: 10 }, through: 25 });
    const report = verifyBundle(out);
    expect(report).toMatchObject({ ok: true, firstSeq: 11, lastSeq: 25, checkpoints: { held: 1 }, afterLastCheckpoint: 0 });
  });

  it("fails when an entry, a checkpoint or a signature is altered, or an entry removed", async () => {
    await append(8, "a");
    await createCheckpoints(db, dataDir); // covers #8, entry #9
    await append(3, "b");
    await createCheckpoints(db, dataDir); // covers #12, entry #13
    await exportBundle(db, { orgId, out, dataDir });
    const original = lines();
    const at = (kind: string, n = 0) => original.findIndex((l, i) => JSON.parse(l).kind === kind && original.slice(0, i).filter((x) => JSON.parse(x).kind === kind).length === n);
    const edit = (i: number, change: (v: Record<string, unknown>) => void) => {
      const ls = [...original];
      const v = JSON.parse(ls[i]!);
      change(v);
      ls[i] = JSON.stringify(v);
      write(ls);
    };
    expect(reasons()).toEqual([]);

    edit(at("entry", 4), (v) => (v.actor_label = "someone else"));
    expect(reasons()).toEqual(["hash_mismatch", "bundle_digest_mismatch"]);

    edit(at("checkpoint", 0), (v) => (v.hash = (v.hash as string).replace(/^./, (c) => (c === "0" ? "1" : "0"))));
    expect(reasons()).toEqual(["checkpoint_bad_signature", "bundle_digest_mismatch"]);

    edit(at("checkpoint", 1), (v) => {
      const sig = Buffer.from(v.signature as string, "base64");
      sig[10]! ^= 0x40;
      v.signature = sig.toString("base64");
    });
    expect(reasons()).toEqual(["checkpoint_bad_signature", "bundle_digest_mismatch"]);

    edit(at("seal"), (v) => (v.time = "2020-01-01T00:00:00.000Z"));
    expect(reasons()).toEqual(["seal_bad_signature"]);

    write(original.filter((_, i) => i !== at("entry", 5)));
    expect(reasons()).toEqual(["seq_gap", "bundle_digest_mismatch"]);

    // The last entry and the checkpoint that covers it: the seal still names the end.
    write(original.filter((_, i) => i !== at("entry", 12) && i !== at("checkpoint", 1)));
    expect(reasons()).toEqual(["bundle_digest_mismatch", "truncated_below_checkpoint"]);

    write([...original, original[at("entry", 0)]!]);
    expect(reasons()).toEqual(["bundle_malformed"]);

    write(original);
    expect(verifyBundle(out).ok).toBe(true);
  });

  it("fails against the auditor's key when the bundle was signed with another", async () => {
    await append(3, "a");
    await createCheckpoints(db, dataDir);
    const trusted = parsePublicKey(ensureSigningKey(dataDir).info.publicKey);
    await exportBundle(db, { orgId, out, dataDir });
    expect(verifyBundle(out, [trusted]).ok).toBe(true);
    // Someone with the database but another key folder (another instance, an attacker) exports it.
    await exportBundle(db, { orgId, out, dataDir: path.join(dataDir, "other") });
    expect(verifyBundle(out).ok).toBe(true);
    expect(verifyBundle(out, [trusted]).problems.map((p) => p.reason)).toEqual(["seal_bad_signature"]);
  });

  it("refuses an empty range", async () => {
    await append(2, "a");
    await expect(exportBundle(db, { orgId, from: "2999-01-01", out, dataDir })).rejects.toThrow(/no ledger entries/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
