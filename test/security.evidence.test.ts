import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createBackup, restoreBackup } from "../src/backup/backup.ts";
import type { Db } from "../src/db/connect.ts";
import { testDatabases, tempDir } from "./support/databases.ts";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "./support/app.ts";

/** Uploads bytes as `token`'s organisation; returns the stored file's description. */
async function upload(api: TestApp, token: string, text: string) {
  const res = await api.app.request("/api/files", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "x-file-name": "a.txt" },
    body: new TextEncoder().encode(text),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { sha256: string; size: number };
}

describe.each(testDatabases())("evidence files belong to the organisation that uploaded them ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let a: SeededOrg;
  let b: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    a = await seedOrg(ctx.db, "sec-a");
    b = await seedOrg(ctx.db, "sec-b");
  });
  afterAll(() => ctx.cleanup());

  it("refuses a hash another organisation uploaded exactly as one nobody uploaded, and never serves its bytes", async () => {
    const secret = await upload(api, a.tokens.admin, "organisation A's confidential board minute");
    const nobody = createHash("sha256").update("never uploaded").digest("hex");
    const attempt = (sha256: string) =>
      api.call("POST", "/api/evidence", { token: b.tokens.system_owner, body: { kind: "file", title: "x", file: { sha256, name: "a.txt" } } });
    const stolen = await attempt(secret.sha256);
    const missing = await attempt(nobody);
    expect(stolen.status).toBe(400);
    // "Not yours" and "does not exist" are indistinguishable, so B cannot probe A's documents.
    expect(stolen.body).toEqual(missing.body);
    expect(stolen.body.error.details[0].field).toBe("body.file.sha256");
    const list = await api.call("GET", "/api/evidence", { token: b.tokens.viewer });
    expect(list.body.items).toHaveLength(0);
  });

  it("lets an organisation reference a file it uploaded itself, even when another uploaded the same bytes first", async () => {
    const same = "the same public PDF both organisations hold";
    await upload(api, a.tokens.admin, same);
    const own = await upload(api, b.tokens.system_owner, same);
    const created = await api.call("POST", "/api/evidence", { token: b.tokens.system_owner, body: { kind: "file", title: "own", file: { sha256: own.sha256, name: "p.pdf" } } });
    expect(created.status).toBe(201);
    expect(created.body.file.size).toBe(Buffer.byteLength(same));
    const download = await api.app.request(`/api/evidence/${created.body.id}/file`, { headers: { authorization: `Bearer ${b.tokens.viewer}` } });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(same);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("does not serve a file an organisation never uploaded even if a record points at it", async () => {
    const secret = await upload(api, a.tokens.admin, "planted before the fix");
    const own = await upload(api, b.tokens.admin, "b's own");
    const created = await api.call("POST", "/api/evidence", { token: b.tokens.admin, body: { kind: "file", title: "old", file: { sha256: own.sha256, name: "o.txt" } } });
    // A record written before ownership was kept (here: rewritten under the hood) must not leak.
    await ctx.db.kysely.updateTable("evidence").set({ file_sha256: secret.sha256 }).where("id", "=", created.body.id).execute();
    const download = await api.call("GET", `/api/evidence/${created.body.id}/file`, { token: b.tokens.admin });
    expect(download.status).toBe(404);
  });

  it("restores a backup only when every file is what its name says", async () => {
    const backup = path.join(tempDir(), "backup");
    await createBackup(ctx.db, ctx.dataDir, backup);
    const files = fs.readdirSync(path.join(backup, "files"), { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(0);
    const victim = files[0]!;
    fs.writeFileSync(path.join(victim.parentPath, victim.name), "planted bytes");
    const fresh = await dialect.open();
    try {
      await expect(restoreBackup(fresh.db, fresh.dataDir, backup)).rejects.toThrow(/does not match its name/);
      expect(await fresh.db.kysely.selectFrom("organizations").select("id").execute()).toHaveLength(0);
    } finally {
      await fresh.cleanup();
    }
  });
});

describe.each(testDatabases())("who may change evidence ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "ev-owner");
  });
  afterAll(() => ctx.cleanup());

  async function controlOwnedBy(ownerId: string, code: string) {
    const res = await api.call("POST", "/api/controls", { token: org.tokens.admin, body: { code, titleJa: "管理策", titleEn: "Control", ownerId } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  async function note(token: string, controlId: string) {
    const res = await api.call("POST", "/api/evidence", { token, body: { kind: "note", title: "記録", links: [{ type: "control", id: controlId }] } });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  }

  it("refuses a system owner deleting or editing evidence on a control they do not own", async () => {
    const theirs = await controlOwnedBy(org.users.governance_lead.id, "C-GL");
    const evidence = await note(org.tokens.governance_lead, theirs);
    const del = await api.call("DELETE", `/api/evidence/${evidence.id}`, { token: org.tokens.system_owner });
    expect(del.status).toBe(403);
    expect(del.body.error.code).toBe("forbidden");
    const edit = await api.call("PATCH", `/api/evidence/${evidence.id}`, { token: org.tokens.system_owner, body: { version: evidence.version, title: "消した" } });
    expect(edit.status).toBe(403);
    const unlink = await api.call("DELETE", `/api/evidence/${evidence.id}/links/control/${theirs}`, { token: org.tokens.system_owner });
    expect(unlink.status).toBe(403);
    expect((await api.call("GET", `/api/evidence/${evidence.id}`, { token: org.tokens.viewer })).status).toBe(200);
  });

  it("lets a system owner change evidence they recorded, and evidence on their own control", async () => {
    const theirs = await controlOwnedBy(org.users.governance_lead.id, "C-GL2");
    const mine = await controlOwnedBy(org.users.system_owner.id, "C-SO");
    const recorded = await note(org.tokens.system_owner, theirs);
    expect((await api.call("DELETE", `/api/evidence/${recorded.id}`, { token: org.tokens.system_owner })).status).toBe(204);
    const onMine = await note(org.tokens.governance_lead, mine);
    expect((await api.call("DELETE", `/api/evidence/${onMine.id}`, { token: org.tokens.system_owner })).status).toBe(204);
    const byLead = await note(org.tokens.system_owner, theirs);
    expect((await api.call("DELETE", `/api/evidence/${byLead.id}`, { token: org.tokens.governance_lead })).status).toBe(204);
  });
});
