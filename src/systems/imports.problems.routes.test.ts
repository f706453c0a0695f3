import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";

async function upload(api: TestApp, token: string, name: string, text: string) {
  const res = await api.app.request("/api/imports", { method: "POST", headers: { authorization: `Bearer ${token}`, "x-file-name": encodeURIComponent(name) }, body: new TextEncoder().encode(text) as unknown as BodyInit });
  return { status: res.status, body: await res.json() };
}

async function settled(api: TestApp, token: string, id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await api.call("GET", `/api/imports/${id}`, { token });
    if (res.body.status !== "committing" && res.body.status !== "validating") return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("import did not finish");
}

/** 700 systems in a foreign register's words: 650 with a stage Musubi does not know, one name damaged by a wrong encoding. */
function register(): string {
  const lines = ["Use case,Stage of development"];
  lines.push("Notes: stages as reported by each bureau,");
  for (let i = 0; i < 700; i++) lines.push(`Use case ${i}${i === 3 ? "\uFFFD" : ""},${i < 650 ? "Deployed to field offices" : "In production"}`);
  return `${lines.join("\n")}\n`;
}

/**
 * The whole problem report, not the first 500: downloadable as CSV and Excel by the organisation
 * that imports, and by no other; the rows an import leaves out are named; a column's values are
 * listed with Musubi's reading so that a translation fixes them all at once.
 */
describe.each(testDatabases())("import problems and value translations ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let jobId: string;
  const mapping = [
    { column: "Use case", field: "nameEn" },
    { column: "Stage of development", field: "lifecycle" },
  ];

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "reg");
    other = await seedOrg(ctx.db, "oth");
    const up = await upload(api, org.tokens.admin, "inventory.csv", register());
    expect(up.status).toBe(201);
    jobId = up.body.id;
  });
  afterAll(() => ctx.cleanup());

  it("counts every problem, shows the first 500 and keeps all of them for download", async () => {
    const preview = await api.call("POST", `/api/imports/${jobId}/preview`, { token: org.tokens.admin, body: { mapping, skipRows: "2" } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rows: 700, valid: 50, invalid: 650, truncated: true, warningCount: 1 });
    expect(preview.body.errors).toHaveLength(500);
    expect(preview.body.warnings).toEqual([expect.objectContaining({ line: 6, column: "Use case", code: "replacement_character" })]);

    const file = await api.app.request(`/api/imports/${jobId}/problems?format=csv&lang=ja`, { headers: { authorization: `Bearer ${org.tokens.admin}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("text/csv");
    const lines = (await file.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("行,種別,列,項目,コード,内容");
    expect(lines).toHaveLength(1 + 650 + 1);
    expect(lines.filter((l) => l.includes("unknown_lifecycle"))).toHaveLength(650);
    expect(lines.find((l) => l.includes("replacement_character"))).toMatch(/^6,警告/);

    const xlsx = await api.app.request(`/api/imports/${jobId}/problems?format=xlsx&lang=en`, { headers: { authorization: `Bearer ${org.tokens.admin}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Row");
    expect(sheet.rowCount).toBe(1 + 651);
  });

  it("gives another organisation nothing, and refuses a format it does not make", async () => {
    const foreign = await api.call("GET", `/api/imports/${jobId}/problems?format=csv`, { token: other.tokens.admin });
    expect(foreign.status).toBe(404);
    expect((await api.call("GET", `/api/imports/${jobId}/problems?format=pdf`, { token: org.tokens.admin })).status).toBe(400);
  });

  it("lists the stage column's values with Musubi's reading, and one translation fixes 650 rows", async () => {
    const values = await api.call("POST", `/api/imports/${jobId}/values`, { token: org.tokens.admin, body: { column: "Stage of development", field: "lifecycle", skipRows: "2" } });
    expect(values.status).toBe(200);
    expect(values.body).toEqual({
      column: "Stage of development",
      field: "lifecycle",
      blank: 0,
      values: [
        { value: "Deployed to field offices", rows: 650, reading: null },
        { value: "In production", rows: 50, reading: "deployed" },
      ],
      more: 0,
    });
    const missing = await api.call("POST", `/api/imports/${jobId}/values`, { token: org.tokens.admin, body: { column: "Nope", field: "lifecycle" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe("body.column");

    const translated = mapping.map((m) => (m.field === "lifecycle" ? { ...m, values: { "deployed to field offices": "deployed" } } : m));
    const preview = await api.call("POST", `/api/imports/${jobId}/preview`, { token: org.tokens.admin, body: { mapping: translated, skipRows: "2" } });
    expect(preview.body).toMatchObject({ valid: 700, invalid: 0, warningCount: 1 });
  });

  it("names the rows an import leaves out, and keeps no stale report once nothing is wrong", async () => {
    const commit = await api.call("POST", `/api/imports/${jobId}/commit`, { token: org.tokens.admin, body: { mapping, skipRows: "2", skipInvalid: true } });
    expect(commit.status).toBe(202);
    const done = await settled(api, org.tokens.admin, jobId);
    expect(done).toMatchObject({ status: "committed", imported: 50 });
    expect(done.report.skippedLines).toHaveLength(650);
    expect(done.report.skippedLines.slice(0, 3)).toEqual([3, 4, 5]);
    const stages = await ctx.db.kysely.selectFrom("ai_systems").select("lifecycle").where("org_id", "=", org.orgId).distinct().execute();
    expect(stages.map((s) => s.lifecycle)).toEqual(["deployed"]);

    const clean = await upload(api, org.tokens.admin, "clean.csv", "name,stage\nA,deployed\n");
    await api.call("POST", `/api/imports/${clean.body.id}/preview`, { token: org.tokens.admin, body: { mapping: [{ column: "name", field: "nameEn" }] } });
    expect((await api.call("GET", `/api/imports/${clean.body.id}/problems`, { token: org.tokens.admin })).status).toBe(404);
  });
});
