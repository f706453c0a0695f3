import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { itemsOf, JP_BUSINESS_PROFILE, registerSystem, startAssessment } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { DEFAULT_IMPORT_LIMITS } from "../platform/config.ts";
import { unescapeOoxml } from "../systems/io/xlsx.parts.ts";
import { escapeOoxml } from "./assessments.xlsx.export.ts";
import { editBook, exportBook, fillRows, sendBook } from "./assessments.xlsx.test-support.ts";

describe("assessments.xlsx escapes", () => {
  it("writes text the import reads back as typed: control characters and text that looks like an escape", () => {
    for (const text of ["見積\u0007書", "a_x0041_b", "_x005F_", "tab\tand\nline", "\u0001\u001f"]) expect(unescapeOoxml(escapeOoxml(text))).toBe(text);
    expect(escapeOoxml("a\u0002b")).toBe("a_x0002_b");
  });
});

describe.each(testDatabases())("assessments.xlsx refusals ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let assessmentId: string;
  let otherId: string;
  const admin = () => org.tokens.admin;
  const versions = async () => (await itemsOf(api, admin(), assessmentId)).map((r) => r.version);
  type Row = { line: number; outcome: string; problems: { code: string; field?: string; message: { ja: string; en: string } }[] };
  const rowAt = (body: { rows: Row[] }, line: number) => body.rows.find((r) => r.line === line)!;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "xlsx-no");
    const s = await registerSystem(api, admin(), { nameJa: "与信審査AI", nameEn: "Credit scoring AI", profile: JP_BUSINESS_PROFILE, lifecycle: "deployed" });
    assessmentId = (await startAssessment(api, admin(), s.id, "jp-ai-guidelines")).id;
    otherId = (await startAssessment(api, admin(), s.id, "jp-appi")).id;
  });
  afterAll(() => ctx.cleanup());

  it("refuses an unknown status label with its row number, and writes nothing unless told to skip the invalid rows", async () => {
    const before = await versions();
    const filled = await editBook(await exportBook(api, admin(), assessmentId), fillRows({ 2: { status: "済み" }, 3: { comment: "確認済み" } }));
    const preview = await sendBook(api, admin(), assessmentId, "preview", filled);
    expect(preview.body.counts).toMatchObject({ invalid: 1, change: 1 });
    expect(rowAt(preview.body, 2)).toMatchObject({ outcome: "invalid", problems: [{ field: "status", code: "unknown_status" }] });
    expect(rowAt(preview.body, 2).problems[0]!.message.ja).toContain("「済み」");
    const refused = await sendBook(api, admin(), assessmentId, "apply", filled);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "import_has_errors", details: { invalid: [2] } });
    expect(await versions()).toEqual(before);
    const skipped = await sendBook(api, admin(), assessmentId, "apply", filled, "?skipInvalid=true");
    expect(skipped.body).toMatchObject({ applied: [3], skipped: { invalid: [2] } });
  });

  it("refuses 'not applicable' without a reason, an owner who is not a user and a day that does not exist, each on its row", async () => {
    const filled = await editBook(await exportBook(api, admin(), assessmentId), fillRows({ 4: { status: "対象外", justification: "" }, 5: { owner: "nobody@elsewhere.test" }, 6: { dueDate: "2026/02/30" } }));
    const preview = await sendBook(api, admin(), assessmentId, "preview", filled);
    expect(rowAt(preview.body, 4).problems.map((p) => p.code)).toEqual(["justification_required"]);
    expect(rowAt(preview.body, 5).problems.map((p) => [p.field, p.code])).toEqual([["owner", "unknown_user"]]);
    expect(rowAt(preview.body, 6).problems.map((p) => [p.field, p.code])).toEqual([["dueDate", "invalid_date"]]);
    expect(preview.body.counts.invalid).toBe(3);
  });

  it("refuses a workbook exported from another assessment, and a file Musubi did not export, as a whole", async () => {
    const other = await sendBook(api, admin(), assessmentId, "preview", await exportBook(api, admin(), otherId));
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: "workbook_mismatch", details: { reason: "other_assessment" } });
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Sheet1").addRow(["参照", "状況"]);
    const foreign = await sendBook(api, admin(), assessmentId, "apply", new Uint8Array(await plain.xlsx.writeBuffer()));
    expect(foreign.status).toBe(422);
    expect(foreign.body.error).toMatchObject({ code: "workbook_mismatch", details: { reason: "not_musubi_workbook" } });
    const csv = await sendBook(api, admin(), assessmentId, "preview", new TextEncoder().encode("参照,状況\n第1,達成\n"));
    expect(csv.status).toBe(422);
    expect(csv.body.error.code).toBe("import_unreadable");
  });

  it("reports a row whose hidden id or version was changed, and rows moved by sorting, without writing them", async () => {
    const [foreignItem] = await itemsOf(api, admin(), otherId);
    const filled = await editBook(await exportBook(api, admin(), assessmentId), (_book, items, meta) => {
      meta.eachRow((row) => {
        if (row.getCell(1).value !== "row") return;
        if (row.getCell(2).value === "2") row.getCell(3).value = foreignItem!.id;
        if (row.getCell(2).value === "3") row.getCell(4).value = "999";
      });
      // Rows 4 and 5 swapped, as a sort after lifting the protection would leave them.
      for (const c of [1, 2, 3]) {
        const a = items.getRow(4).getCell(c).value;
        items.getRow(4).getCell(c).value = items.getRow(5).getCell(c).value;
        items.getRow(5).getCell(c).value = a;
      }
      items.getRow(4).getCell(6).value = "達成";
    });
    const preview = await sendBook(api, admin(), assessmentId, "preview", filled);
    expect(rowAt(preview.body, 2).problems.map((p) => p.code)).toEqual(["not_of_assessment"]);
    expect(rowAt(preview.body, 3).problems.map((p) => p.code)).toEqual(["tampered"]);
    expect([rowAt(preview.body, 4), rowAt(preview.body, 5)].map((r) => r.problems.map((p) => p.code))).toEqual([["row_moved"], ["row_moved"]]);
    const refused = await sendBook(api, admin(), assessmentId, "apply", filled);
    expect(refused.body.error.details.invalid).toEqual([2, 3, 4, 5]);
  });

  it("keeps texts with control characters and escape-like text as they were, so an untouched export changes nothing", async () => {
    const [first] = await itemsOf(api, admin(), assessmentId);
    const set = await api.call("PATCH", `/api/assessment-items/${first!.id}`, { token: admin(), body: { version: first!.version, comment: "見積_x0041_書\u0007です" } });
    expect(set.status).toBe(200);
    for (const other of [otherId, assessmentId]) {
      for (const lang of ["ja", "en"] as const) {
        const preview = await sendBook(api, admin(), other, "preview", await exportBook(api, admin(), other, lang));
        expect(preview.status).toBe(200);
        expect(preview.body.counts).toMatchObject({ change: 0, conflict: 0, invalid: 0 });
      }
    }
  });

  it("refuses an upload over the size limit with 413 payload_too_large, and one over the import's row bound with 413 import_too_large", async () => {
    const bytes = await exportBook(api, admin(), assessmentId);
    const small = testApp(ctx.db, ctx.dataDir, { uploadLimitBytes: 1024 });
    const big = await sendBook(small, admin(), assessmentId, "preview", bytes);
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: "payload_too_large", details: { maxBytes: 1024 } });
    const few = testApp(ctx.db, ctx.dataDir, { importLimits: { ...DEFAULT_IMPORT_LIMITS, rows: 3 } });
    const long = await sendBook(few, admin(), assessmentId, "apply", bytes);
    expect(long.status).toBe(413);
    expect(long.body.error).toMatchObject({ code: "import_too_large", details: { limit: "rows" } });
  });

  it("lets a viewer export but not import, and refuses a system owner who does not own the system", async () => {
    const bytes = await exportBook(api, org.tokens.viewer, assessmentId);
    for (const role of ["viewer", "auditor", "system_owner"] as const) {
      const res = await sendBook(api, org.tokens[role], assessmentId, "preview", bytes);
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
  });
});
