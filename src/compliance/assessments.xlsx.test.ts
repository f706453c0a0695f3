import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { itemsOf, JP_BUSINESS_PROFILE, registerSystem, startAssessment } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { updateItem } from "./assessments.service.ts";
import { COLUMNS, META_SHEET } from "./assessments.xlsx.labels.ts";
import { col, editBook, exportBook, fillRows, sendBook } from "./assessments.xlsx.test-support.ts";

describe.each(testDatabases())("assessments.xlsx ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let assessmentId: string;
  const admin = () => org.tokens.admin;
  /** Row ids in sheet order: row 2 of the items sheet is the first. */
  const rows = async () => itemsOf(api, admin(), assessmentId);
  const item = async (line: number) => (await rows())[line - 2]!;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "xlsx");
    const s = await registerSystem(api, admin(), { nameJa: "与信審査AI", nameEn: "Credit scoring AI", profile: JP_BUSINESS_PROFILE, lifecycle: "deployed" });
    assessmentId = (await startAssessment(api, admin(), s.id, "jp-ai-guidelines")).id;
  });
  afterAll(() => ctx.cleanup());

  it("exports instructions and the rows in the caller's language, with a drop-down of status labels and a very hidden sheet of versions", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await exportBook(api, org.tokens.viewer, assessmentId, "ja")) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["記入方法", "評価項目", META_SHEET]);
    expect(book.getWorksheet(META_SHEET)!.state).toBe("veryHidden");
    const guide = book.getWorksheet("記入方法")!;
    expect(String(guide.getRow(1).getCell(1).value)).toContain("与信審査AI");
    const items = book.getWorksheet("評価項目")!;
    expect(items.getRow(1).getCell(col("status")).value).toBe("状況");
    expect(items.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const first = items.getRow(2);
    expect(first.getCell(col("status")).value).toBe("未着手");
    expect(first.getCell(col("status")).dataValidation.formulae[0]).toBe('"未着手,対応中,達成,一部達成,未達成,対象外"');
    // ExcelJS reads protection as what is allowed: filtering and widths, never sorting or adding and removing rows.
    const protection = (items as unknown as { sheetProtection: Record<string, boolean | undefined> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, autoFilter: true, formatColumns: true });
    expect([protection.sort, protection.insertRows, protection.deleteRows].some(Boolean)).toBe(false);
    expect(first.getCell(col("ref")).protection?.locked ?? true).toBe(true);
    expect(first.getCell(col("comment")).protection).toMatchObject({ locked: false });
    expect(String(first.getCell(col("text")).value).length).toBeGreaterThan(0);
    expect(items.rowCount - 1).toBe((await rows()).length);

    const en = new ExcelJS.Workbook();
    await en.xlsx.load(Buffer.from(await exportBook(api, admin(), assessmentId, "en")) as unknown as ArrayBuffer);
    expect(en.worksheets.map((w) => w.name)).toEqual(["Instructions", "Items", META_SHEET]);
    expect(en.getWorksheet("Items")!.getRow(1).values).toEqual(expect.arrayContaining(COLUMNS.filter((c) => c.key !== "updated").map((c) => c.header.en)));
    expect(en.getWorksheet("Items")!.getRow(2).getCell(col("status")).dataValidation.formulae[0]).toContain("Not started,In progress,Met");
  });

  it("previews the filled-in changes without writing, then applies them through the service with a ledger entry each", async () => {
    const before = await rows();
    const filled = await editBook(
      await exportBook(api, admin(), assessmentId),
      fillRows({
        2: { status: "達成", comment: "社内規程で対応済み" },
        3: { owner: org.users.system_owner.email, dueDate: new Date(Date.UTC(2026, 5, 30)) },
      }),
    );
    const preview = await sendBook(api, admin(), assessmentId, "preview", filled);
    expect(preview.status).toBe(200);
    expect(preview.body.counts).toMatchObject({ change: 2, conflict: 0, invalid: 0, unchanged: before.length - 2 });
    const row2 = preview.body.rows.find((r: { line: number }) => r.line === 2);
    expect(row2.outcome).toBe("change");
    expect(row2.changes).toEqual([
      { field: "status", label: { ja: "状況", en: "Status" }, from: { value: "not_started", text: { ja: "未着手", en: "Not started" } }, to: { value: "met", text: { ja: "達成", en: "Met" } } },
      { field: "comment", label: { ja: "コメント", en: "Comment" }, from: { value: null, text: null }, to: { value: "社内規程で対応済み", text: { ja: "社内規程で対応済み", en: "社内規程で対応済み" } } },
    ]);
    const row3 = preview.body.rows.find((r: { line: number }) => r.line === 3);
    expect(row3.changes.map((c: { field: string; to: { value: string } }) => [c.field, c.to.value])).toEqual([["owner", org.users.system_owner.email], ["dueDate", "2026-06-30"]]);
    expect((await rows()).map((r) => r.version)).toEqual(before.map((r) => r.version));

    const applied = await sendBook(api, admin(), assessmentId, "apply", filled);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: [2, 3], overwritten: [], skipped: { conflict: [], invalid: [] } });
    const after = await rows();
    expect(after[0]).toMatchObject({ answer: "met", effective: "met", answerSource: "person" });
    const third = (await api.call("GET", `/api/assessments/${assessmentId}/items?limit=200`, { token: admin() })).body.items[1];
    expect(third).toMatchObject({ owner: { id: org.users.system_owner.id }, dueDate: "2026-06-30" });
    const ledger = await ctx.db.kysely.selectFrom("audit_log").select(["entity_id", "request_id", "after_json"]).where("action", "=", "assessment_item.updated").where("entity_id", "in", [before[0]!.id, before[1]!.id]).execute();
    expect(ledger.map((e) => e.entity_id).sort()).toEqual([before[0]!.id, before[1]!.id].sort());
    expect(new Set(ledger.map((e) => e.request_id)).size).toBe(1);
    expect(JSON.parse(ledger.find((e) => e.entity_id === before[0]!.id)!.after_json!)).toMatchObject({ answer: "met", comment: "社内規程で対応済み" });

    // The same file again changes nothing: Musubi now holds what it says, at newer versions, so no conflict either.
    const again = await sendBook(api, admin(), assessmentId, "preview", filled);
    expect(again.body.counts).toMatchObject({ change: 0, conflict: 0, invalid: 0 });
    expect(again.body.rows.filter((r: { changedInMusubi: boolean }) => r.changedInMusubi).map((r: { line: number }) => r.line)).toEqual([2, 3]);
  });

  it("reads status labels in either language, whatever language the workbook was exported in", async () => {
    const filled = await editBook(
      await exportBook(api, admin(), assessmentId, "en"),
      fillRows({ 4: { status: "対象外", justification: "当社は開発者ではない" }, 5: { status: "partially met" }, 6: { status: "一部達成" } }),
    );
    const preview = await sendBook(api, admin(), assessmentId, "preview", filled);
    expect(preview.body.counts).toMatchObject({ change: 3, invalid: 0 });
    const to = (line: number) => preview.body.rows.find((r: { line: number }) => r.line === line).changes.find((c: { field: string }) => c.field === "status").to.value;
    expect([to(4), to(5), to(6)]).toEqual(["not_applicable", "partially_met", "partially_met"]);
    const applied = await sendBook(api, admin(), assessmentId, "apply", filled);
    expect(applied.body.applied).toEqual([4, 5, 6]);
    expect(await item(4)).toMatchObject({ answer: "not_applicable" });
  });

  it("lists a row changed in Musubi since the export as a conflict, never overwrites it unasked, and overwrites it when chosen at the version seen", async () => {
    const exported = await exportBook(api, admin(), assessmentId);
    const target = await item(7);
    const actor = { kind: "token" as const, userId: org.users.governance_lead.id, orgId: org.orgId, role: "governance_lead" as const, timeZone: "Asia/Tokyo", label: org.users.governance_lead.email };
    await updateItem(ctx.db, { actor: { type: "user", id: actor.userId, label: actor.label }, orgId: org.orgId }, actor, target.id, { version: target.version, status: "in_progress", comment: "Musubiで記入" });
    const filled = await editBook(exported, fillRows({ 7: { status: "未達成", comment: "ブックで記入" }, 8: { comment: "競合しない行" } }));

    const preview = await sendBook(api, admin(), assessmentId, "preview", filled);
    const row = preview.body.rows.find((r: { line: number }) => r.line === 7);
    expect(row.outcome).toBe("conflict");
    expect(row.conflict.musubi.map((c: { field: string; to: { value: string } }) => [c.field, c.to.value])).toEqual([["status", "in_progress"], ["comment", "Musubiで記入"]]);
    expect(row.conflict.workbook.map((c: { field: string; to: { value: string } }) => [c.field, c.to.value])).toEqual([["status", "not_met"], ["comment", "ブックで記入"]]);
    expect(row.conflict).toMatchObject({ version: target.version + 1, canOverwrite: true });

    const skipped = await sendBook(api, admin(), assessmentId, "apply", filled);
    expect(skipped.body).toMatchObject({ applied: [8], skipped: { conflict: [7] } });
    expect(await item(7)).toMatchObject({ answer: "in_progress", comment: "Musubiで記入" } as object);

    // A choice naming a version that is no longer current is not honoured either.
    const stale = await sendBook(api, admin(), assessmentId, "apply", filled, `?overwrite=7:${target.version}`);
    expect(stale.body).toMatchObject({ overwritten: [], skipped: { conflict: [7] } });
    const chosen = await sendBook(api, admin(), assessmentId, "apply", filled, `?overwrite=7:${row.conflict.version}`);
    expect(chosen.body).toMatchObject({ overwritten: [7], skipped: { conflict: [] } });
    expect(await item(7)).toMatchObject({ answer: "not_met", comment: "ブックで記入" } as object);
  });

  it("reads a row the workbook left alone as unchanged even when Musubi changed it since", async () => {
    const exported = await exportBook(api, admin(), assessmentId);
    const target = await item(9);
    await api.call("PATCH", `/api/assessment-items/${target.id}`, { token: admin(), body: { version: target.version, status: "met" } });
    const preview = await sendBook(api, admin(), assessmentId, "preview", exported);
    const row = preview.body.rows.find((r: { line: number }) => r.line === 9);
    expect(row).toMatchObject({ outcome: "unchanged", changedInMusubi: true });
    expect(preview.body.counts).toMatchObject({ change: 0, conflict: 0, invalid: 0 });
  });
});
