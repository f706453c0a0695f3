import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";

/**
 * An organisation's incident log written for this test: Japanese headers, its own severity and
 * status words, a year-only and a month-only date, a row without a title, an unknown severity
 * word and an unknown system.
 */
const LOG = [
  "番号,件名,重大度,状態,発生日,対象システム,概要",
  "INC-A1,チャットボットが誤った金利を回答,高,完了,2021,AIS-IMP-1,顧客に誤った金利を案内した。",
  "INC-A2,採用スコアの偏り,P9,調査中,2022年3月,,年齢による偏りの疑い。",
  "INC-A3,,低,未対応,2023-01-05,,件名なし。",
  "INC-A4,顔認識の誤認,致命的,open,2024-07-14 09:30,AIS-NOPE,",
  "INC-A5,翻訳の誤り,,,,,",
  "",
].join("\r\n");

describe.each(testDatabases())("incident import ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;

  const upload = async (text: string) => {
    const res = await api.app.request("/api/incidents/imports", { method: "POST", headers: { authorization: `Bearer ${org.tokens.governance_lead}`, "x-file-name": "incident-log.csv", "content-type": "text/csv" }, body: new TextEncoder().encode(text) });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; headers: string[]; suggestedMapping: { column: string; field: string }[] };
  };
  const notices = async (event: string) => Number((await ctx.db.kysely.selectFrom("notifications").select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", org.users.governance_lead.id).where("event", "=", event).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "incident-import");
    await registerSystem(api, org.tokens.admin, { code: "AIS-IMP-1", nameJa: "金利案内ボット", nameEn: "Rate bot", profile: JP_BUSINESS_PROFILE });
  });
  afterAll(() => ctx.cleanup());

  it("suggests the mapping from Japanese headers and reads the severity and status words as Musubi would", async () => {
    const job = await upload(LOG);
    expect(job.suggestedMapping).toEqual([
      { column: "番号", field: "externalId" },
      { column: "件名", field: "title" },
      { column: "重大度", field: "severity" },
      { column: "状態", field: "status" },
      { column: "発生日", field: "occurredOn" },
      { column: "対象システム", field: "systemCode" },
      { column: "概要", field: "summary" },
    ]);
    const values = await api.call("POST", `/api/incidents/imports/${job.id}/values`, { token: org.tokens.governance_lead, body: { column: "重大度", field: "severity" } });
    expect(values.status, JSON.stringify(values.body)).toBe(200);
    expect(values.body.blank).toBe(1);
    expect(Object.fromEntries(values.body.values.map((v: { value: string; reading: string | null }) => [v.value, v.reading]))).toEqual({ 高: "high", P9: null, 低: "low", 致命的: "critical" });
  });

  it("names every row it cannot take, by row and column, and files nothing until they are fixed or skipped", async () => {
    const job = await upload(LOG);
    const preview = await api.call("POST", `/api/incidents/imports/${job.id}/preview`, { token: org.tokens.governance_lead, body: { mapping: job.suggestedMapping } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
      [3, "重大度", "unknown_severity"],
      [4, "件名", "title_required"],
      [5, "対象システム", "unknown_system"],
    ]);
    expect(preview.body.warnings.map((w: { line: number; code: string }) => [w.line, w.code])).toEqual([[6, "severity_absent"]]);
    const refused = await api.call("POST", `/api/incidents/imports/${job.id}/commit`, { token: org.tokens.governance_lead, body: { mapping: job.suggestedMapping } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("import_has_errors");
    expect((await api.call("GET", "/api/incidents?q=INC-A", { token: org.tokens.viewer })).body.total).toBe(0);
    const problems = await api.app.request(`/api/incidents/imports/${job.id}/problems?format=csv&lang=en`, { headers: { authorization: `Bearer ${org.tokens.governance_lead}` } });
    expect(problems.status).toBe(200);
    expect(await problems.text()).toContain("unknown_system");
  });

  it("files the rows with their own status, a date as precise as the log gives it and the system linked; one notice for the whole import", async () => {
    const job = await upload(LOG);
    const mapping = job.suggestedMapping.map((m) => (m.field === "severity" ? { ...m, values: { P9: "high" } } : m));
    const [filedBefore, importedBefore] = [await notices("incident.filed"), await notices("incident.imported")];
    const res = await api.call("POST", `/api/incidents/imports/${job.id}/commit`, { token: org.tokens.governance_lead, body: { mapping, skipInvalid: true } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "committed", imported: 3, report: { invalid: 2, skippedLines: [4, 5] } });
    expect(await notices("incident.filed")).toBe(filedBefore);
    expect(await notices("incident.imported")).toBe(importedBefore + 1);

    const list = await api.call("GET", "/api/incidents?limit=50", { token: org.tokens.viewer });
    const byKey = new Map(list.body.items.map((i: { externalKey: string }) => [i.externalKey, i]));
    expect(byKey.get("INC-A1")).toMatchObject({ title: "チャットボットが誤った金利を回答", severity: "high", status: "closed", occurredOn: "2021", occurredAt: null, source: "import" });
    expect(byKey.get("INC-A2")).toMatchObject({ severity: "high", status: "investigating", occurredOn: "2022-03" });
    expect(byKey.get("INC-A5")).toMatchObject({ severity: "medium", status: "open", occurredOn: null });
    const first = (await api.call("GET", `/api/incidents/${(byKey.get("INC-A1") as { id: string }).id}`, { token: org.tokens.viewer })).body;
    expect(first.systems.map((s: { code: string }) => s.code)).toEqual(["AIS-IMP-1"]);
    expect(first.closedAt).not.toBeNull();
  });

  it("files nothing twice when the same log is imported again", async () => {
    const job = await upload(LOG);
    const mapping = job.suggestedMapping.map((m) => (m.field === "severity" ? { ...m, values: { P9: "high" } } : m));
    const before = (await api.call("GET", "/api/incidents", { token: org.tokens.viewer })).body.total;
    const res = await api.call("POST", `/api/incidents/imports/${job.id}/commit`, { token: org.tokens.governance_lead, body: { mapping, skipInvalid: true } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ imported: 0, report: { unchanged: 3 } });
    expect((await api.call("GET", "/api/incidents", { token: org.tokens.viewer })).body.total).toBe(before);
  });

  it("is not open to a system owner, and an inventory import's id is not an incident import's", async () => {
    const res = await api.app.request("/api/incidents/imports", { method: "POST", headers: { authorization: `Bearer ${org.tokens.system_owner}`, "x-file-name": "x.csv" }, body: new TextEncoder().encode("件名\nx\n") });
    expect(res.status).toBe(403);
    const inventory = await api.app.request("/api/imports", { method: "POST", headers: { authorization: `Bearer ${org.tokens.governance_lead}`, "x-file-name": "inv.csv" }, body: new TextEncoder().encode("nameJa\nあ\n") });
    const id = ((await inventory.json()) as { id: string }).id;
    expect((await api.call("GET", `/api/incidents/imports/${id}`, { token: org.tokens.governance_lead })).status).toBe(404);
  });
});
