import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { audited, SYSTEM_ACTOR } from "./audited.ts";

interface Entry {
  action: string;
  entityType: string;
  entityId: string | null;
}

describe.each(testDatabases())("GET /api/audit ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let a: SeededOrg;
  let b: SeededOrg;
  let incidentA: { id: string; code: string };
  let incidentB: { id: string; code: string };

  const ledger = async (org: SeededOrg, query: string) => {
    const res = await api.call("GET", `/api/audit?${query}`, { token: org.tokens.auditor });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: Entry[]; total: number; refs: Record<string, { type: string; code: string | null; name: { ja: string; en: string }; deleted?: true }> };
  };
  const fileIncident = async (org: SeededOrg, title: string) => {
    const res = await api.call("POST", "/api/incidents", { token: org.tokens.governance_lead, body: { title } });
    expect(res.status).toBe(201);
    return res.body as { id: string; code: string; version: number };
  };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir, { pageCacheBytes: 0 });
    a = await seedOrg(ctx.db, "a");
    b = await seedOrg(ctx.db, "b");
    const filed = await fileIncident(a, "チャットボットの誤回答");
    await api.call("PATCH", `/api/incidents/${filed.id}`, { token: a.tokens.governance_lead, body: { version: filed.version, severity: "high" } });
    incidentA = filed;
    await fileIncident(a, "別件");
    // Numbered per organisation: B's first incident carries the same code as A's.
    incidentB = await fileIncident(b, "B社の件");
  });
  afterAll(() => ctx.cleanup());

  it("finds a record's entries by its business code", async () => {
    expect(incidentB.code).toBe(incidentA.code);
    const page = await ledger(a, `code=${incidentA.code}&sort=seq`);
    expect(page.items.map((e) => [e.action, e.entityId])).toEqual([
      ["incident.filed", incidentA.id],
      ["incident.updated", incidentA.id],
    ]);
    expect(page.total).toBe(2);
  });

  it("reads a code typed in lower case or full width", async () => {
    const fullWidth = incidentA.code.replace(/[A-Z0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const typed of [incidentA.code.toLowerCase(), fullWidth]) {
      expect((await ledger(a, `code=${encodeURIComponent(typed)}`)).total).toBe(2);
    }
  });

  it("never resolves another organisation's code", async () => {
    const page = await ledger(a, `code=${incidentA.code}`);
    expect(page.items.every((e) => e.entityId === incidentA.id)).toBe(true);
    const created = await api.call("POST", "/api/departments", { token: b.tokens.admin, body: { code: "ONLY-B", nameJa: "B部", nameEn: "B dept" } });
    expect(created.status).toBe(201);
    expect(await ledger(a, "code=ONLY-B")).toMatchObject({ items: [], total: 0 });
    expect((await ledger(b, "code=ONLY-B")).total).toBe(1);
  });

  it("answers a code no record carries with an empty page", async () => {
    expect(await ledger(a, "code=INC-999999")).toMatchObject({ items: [], total: 0, refs: {} });
  });

  it("finds a deleted record by the code it last had", async () => {
    const made = await api.call("POST", "/api/departments", { token: a.tokens.admin, body: { code: "GONE", nameJa: "廃止部", nameEn: "Closed dept" } });
    expect((await api.call("DELETE", `/api/departments/${made.body.id}`, { token: a.tokens.admin })).status).toBe(204);
    const page = await ledger(a, "code=GONE&sort=seq");
    expect(page.items.map((e) => e.action)).toEqual(["department.created", "department.deleted"]);
    expect(page.refs[made.body.id]).toEqual({ type: "department", code: "GONE", name: { ja: "廃止部", en: "Closed dept" }, deleted: true });
  });

  it("still filters by record id, and by code together with an action", async () => {
    expect((await ledger(a, `entityId=${incidentA.id}`)).total).toBe(2);
    expect((await ledger(a, `code=${incidentA.code}&action=incident.updated`)).items.map((e) => e.action)).toEqual(["incident.updated"]);
  });

  it("refuses an empty or over-long code", async () => {
    expect((await api.call("GET", "/api/audit?code=", { token: a.tokens.auditor })).status).toBe(400);
    expect((await api.call("GET", `/api/audit?code=${"X".repeat(101)}`, { token: a.tokens.auditor })).status).toBe(400);
  });

  it("names the records entries mention, with codes, instead of their ids", async () => {
    const dep = await api.call("POST", "/api/departments", { token: a.tokens.admin, body: { code: "LEGAL", nameJa: "法務部", nameEn: "Legal" } });
    const user = await api.call("GET", `/api/users/${a.users.viewer.id}`, { token: a.tokens.admin });
    const moved = await api.call("PATCH", `/api/users/${a.users.viewer.id}`, { token: a.tokens.admin, body: { version: user.body.version, departmentId: dep.body.id } });
    expect(moved.status).toBe(200);
    const page = await ledger(a, `entityId=${a.users.viewer.id}&action=user.updated`);
    expect(page.refs[dep.body.id]).toEqual({ type: "department", code: "LEGAL", name: { ja: "法務部", en: "Legal" } });
    expect(page.refs[a.users.viewer.id]).toEqual({ type: "user", code: null, name: { ja: "viewer", en: "viewer" } });
    const incidents = await ledger(a, `code=${incidentA.code}`);
    expect(incidents.refs[incidentA.id]).toMatchObject({ type: "incident", code: incidentA.code, name: { ja: "チャットボットの誤回答" } });
  });

  it("never names another organisation's record", async () => {
    await audited(ctx.db, { actor: SYSTEM_ACTOR, orgId: a.orgId }, async (_trx, record) => {
      record({ action: "user.updated", entityType: "user", entityId: a.users.reviewer.id, after: { departmentId: null, approverId: b.users.admin.id, incidentId: incidentB.id } });
    });
    const page = await ledger(a, `entityId=${a.users.reviewer.id}&action=user.updated`);
    expect(Object.keys(page.refs)).toEqual([a.users.reviewer.id]);
  });
});
