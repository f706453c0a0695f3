import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ProfileQuestion } from "../../library/library.schema.ts";
import type { Locale } from "../../platform/i18n.ts";
import { IMPORT_FIELDS } from "./import.headers.ts";
import { peopleTable, type LibraryWords, type PeopleContext, type PeopleRecord } from "./export.people.ts";
import type { SystemPosture } from "./export.posture.ts";
import { tableCsv, tableXlsx } from "./export.write.ts";

const question = (q: Partial<ProfileQuestion> & Pick<ProfileQuestion, "id" | "type" | "label">): ProfileQuestion => ({ group: "system", ...q });

const words: LibraryWords = {
  questions: [
    question({ id: "purpose", type: "text", label: { ja: "利用目的", en: "Purpose" } }),
    question({ id: "generative", type: "boolean", label: { ja: "生成AIである", en: "Generative AI" } }),
    question({ id: "personalData", type: "boolean", label: { ja: "個人情報を取り扱う", en: "Handles personal information" } }),
    question({ id: "sector", type: "enum", label: { ja: "業種・分野", en: "Sector" }, options: [{ value: "finance", label: { ja: "金融", en: "Finance" } }] }),
    question({
      id: "affectedPersons", type: "multi", label: { ja: "影響を受ける人", en: "People affected" },
      options: [{ value: "employees", label: { ja: "従業員", en: "Employees" } }, { value: "consumers", label: { ja: "消費者", en: "Consumers" } }],
    }),
    question({
      id: "deploymentRegions", type: "multi", label: { ja: "提供・利用する国・地域", en: "Countries and regions where it is offered or used" },
      options: [{ value: "jp", label: { ja: "日本", en: "Japan" } }, { value: "eu", label: { ja: "EU", en: "EU" } }],
    }),
    question({ id: "euPlacedOnMarketOn", type: "date", label: { ja: "EU市場への提供開始日（予定日）", en: "Date placed (or to be placed) on the EU market" } }),
  ],
  euClasses: new Map([["high-risk", { ja: "高リスク", en: "High-risk" }], ["minimal", { ja: "最小リスク", en: "Minimal risk" }]]),
  frameworks: new Map([["eu-ai-act", { ja: "EU AI法", en: "EU AI Act" }], ["iso-42001", { en: "ISO/IEC 42001" }], ["nist-ai-rmf", { en: "NIST AI RMF" }]]),
};

function record(fields: Partial<PeopleRecord>): PeopleRecord {
  return {
    id: "sys_1", code: "AIS-0001", nameJa: "与信審査", nameEn: "Credit scoring", purpose: "", businessOwner: null, technicalOwner: null, department: null,
    lifecycle: "planning", profile: {}, models: [], datasets: [], components: [], vendors: [], vendorLinks: [], countries: [], tags: [], lastReviewedAt: null, nextReviewAt: null,
    euClass: null, euClassFrom: null, frameworks: [], createdAt: "2026-11-20T00:30:00.000Z", updatedAt: "2026-11-20T00:30:00.000Z", ...fields,
  };
}

const credit = record({
  id: "sys_credit",
  code: "AIS-0001",
  purpose: "=SUM(A1) 審査の補助",
  businessOwner: { id: "usr_sato", displayName: "佐藤 花子", email: "sato@example.jp" },
  department: { id: "dep_sales", code: "SALES", nameJa: "営業部", nameEn: "Sales" },
  lifecycle: "deployed",
  euClass: "high-risk",
  euClassFrom: "2027-12-02",
  frameworks: ["eu-ai-act", "iso-42001"],
  countries: ["JP", "DE", "EU"],
  vendors: ["Acme, Inc.", "富士通"],
  models: [{ name: "GPT-4o", provider: "OpenAI", hosting: "saas-api" }],
  datasets: [{ name: "顧客DB", personalData: true, sensitiveData: false }],
  nextReviewAt: "2027-03-31",
  profile: { purpose: "審査の補助", deploymentRegions: ["jp", "eu"], personalData: true, sector: "finance", affectedPersons: ["employees", "consumers"], euPlacedOnMarketOn: "2027-01-15" },
});
const draft = record({ id: "sys_draft", code: "AIS-0002", nameJa: "下書き", nameEn: "Draft", profile: { personalData: false, deploymentRegions: ["eu"] } });

const postures = new Map<string, Map<string, SystemPosture>>([["sys_credit", new Map([["eu-ai-act", { done: 5, total: 12, signedOff: true }]])]]);
const ctx = (locale: Locale, timeZone = "Asia/Tokyo"): PeopleContext => ({ locale, timeZone, words, postures });

/** The table as header → cell, per row. */
function rowsOf(locale: Locale, records = [credit, draft], timeZone = "Asia/Tokyo") {
  const table = peopleTable(records, ctx(locale, timeZone));
  return { table, rows: table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.header, row[i]!]))) };
}

describe("systems.io peopleTable", () => {
  it("heads every column with its Japanese label and writes labels, names and posture instead of slugs", () => {
    const { table, rows } = rowsOf("ja");
    const headers = table.columns.map((c) => c.header);
    expect(headers.slice(0, 3)).toEqual(["コード", "名称（日本語）", "名称（英語）"]);
    expect(headers).toContain("EU AI法の区分の適用開始日");
    for (const field of IMPORT_FIELDS) if (field !== "code") expect(headers).not.toContain(field);
    expect(rows[0]).toMatchObject({
      ライフサイクル: "運用中",
      "EU AI法の区分": "高リスク",
      "EU AI法の区分の適用開始日": "2027-12-02",
      "対応状況：EU AI法": "12件中5件完了（41%）・承認済み",
      "対応状況：ISO/IEC 42001": "未評価",
      事業責任者: "佐藤 花子（sato@example.jp）",
      所管部署: "営業部",
      "提供・利用国": "日本、ドイツ、欧州連合",
      ベンダー: "Acme, Inc.、富士通",
      モデル: "GPT-4o（OpenAI・SaaS・API）",
      データセット: "顧客DB（個人情報）",
      個人情報を取り扱う: "はい",
      "業種・分野": "金融",
      影響を受ける人: "従業員、消費者",
    });
    expect(rows[1]).toMatchObject({ ライフサイクル: "企画", "EU AI法の区分": "未分類", "対応状況：EU AI法": "", 個人情報を取り扱う: "いいえ" });
  });

  it("writes the same sheet in English for an English reader, the English name first", () => {
    const { table, rows } = rowsOf("en");
    expect(table.sheet).toBe("AI inventory");
    expect(table.columns.slice(0, 3).map((c) => c.header)).toEqual(["Code", "Name (English)", "Name (Japanese)"]);
    expect(rows[0]).toMatchObject({
      Lifecycle: "Deployed",
      "EU AI Act class": "High-risk",
      "Posture: EU AI Act": "5 of 12 done (41%) · signed off",
      "Posture: ISO/IEC 42001": "Not assessed yet",
      "Business owner": "佐藤 花子 (sato@example.jp)",
      Department: "Sales",
      "Deployment countries": "Japan, Germany, European Union",
      Vendors: "Acme, Inc.; 富士通",
      "Handles personal information": "Yes",
      "People affected": "Employees; Consumers",
    });
    expect(rows[1]).toMatchObject({ "EU AI Act class": "Unclassified", "Handles personal information": "No" });
  });

  it("gives a column to each profile question some system answers, not to unanswered ones nor to the record's own facts", () => {
    const headers = rowsOf("en").table.columns.map((c) => c.header);
    expect(headers).toEqual(expect.arrayContaining(["Handles personal information", "Sector", "People affected", "Date placed (or to be placed) on the EU market"]));
    expect(headers).not.toContain("Generative AI");
    expect(headers.filter((h) => h === "Purpose")).toHaveLength(1);
    expect(headers).not.toContain("Posture: NIST AI RMF");
  });

  it("names the register's linked vendors, then free-text names not among them", () => {
    const linked = record({ vendors: ["外部LLM事業者", "Other Co."], vendorLinks: [{ id: "ven_1", code: "VEN-1", name: "外部ＬＬＭ事業者", status: "active", rating: "low" }] });
    const cell = rowsOf("en", [linked]).rows[0]!["Vendors"];
    expect(cell).toContain("外部ＬＬＭ事業者");
    expect(cell).toContain("Other Co.");
    expect(cell).not.toContain("外部LLM事業者");
  });

  it("shows an answer the record would state only when some record leaves it blank", () => {
    const regions = "Countries and regions where it is offered or used";
    expect(rowsOf("en", [credit]).table.columns.map((c) => c.header)).not.toContain(regions);
    expect(rowsOf("en", [credit, draft]).rows.map((r) => r[regions])).toEqual(["Japan; EU", "EU"]);
  });
});

describe("systems.io people files", () => {
  it("writes dates in the reader's language and instants in the organisation's zone, so Tokyo and Berlin differ", () => {
    const csv = (timeZone: string, locale: Locale = "ja") => parse(tableCsv(peopleTable([credit], ctx(locale, timeZone))), { columns: true, bom: true }) as Record<string, string>[];
    const tokyo = csv("Asia/Tokyo")[0]!;
    const berlin = csv("Europe/Berlin")[0]!;
    expect(tokyo["最終更新日時（日本標準時）"]).toBe("2026年11月20日 9:30 JST");
    expect(berlin["最終更新日時（中央ヨーロッパ時間）"]).toBe("2026年11月20日 1:30 CET");
    expect(tokyo["EU AI法の区分の適用開始日"]).toBe("2027年12月2日");
    expect(csv("Europe/Berlin", "en")[0]).toMatchObject({ "Last changed (Central European Time)": "20 Nov 2026, 01:30 CET", "EU AI Act class applies from": "2 Dec 2027" });
  });

  it("guards text Excel would run as a formula", () => {
    expect(tableCsv(peopleTable([credit], ctx("ja")))).toContain(",'=SUM(A1) 審査の補助,");
  });

  it("writes Excel with a bold, frozen, filterable header, real dates, and wall-clock times of the organisation's zone", async () => {
    const load = async (timeZone: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await tableXlsx(peopleTable([credit], ctx("ja", timeZone)))) as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet("AIシステム台帳")!;
      const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
      const cell = (header: string) => ws.getRow(2).getCell(headers.indexOf(header) + 1);
      return { ws, headers, cell };
    };
    const tokyo = await load("Asia/Tokyo");
    expect(tokyo.ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(tokyo.ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 2 });
    expect(tokyo.ws.autoFilter).toBeTruthy();
    expect(tokyo.ws.getColumn(tokyo.headers.indexOf("利用目的") + 1).width).toBeGreaterThanOrEqual(40);
    expect(tokyo.cell("EU AI法の区分の適用開始日").value).toEqual(new Date("2027-12-02T00:00:00Z"));
    expect(tokyo.cell("最終更新日時（日本標準時）").value).toEqual(new Date("2026-11-20T09:30:00Z"));
    expect(tokyo.cell("最終更新日時（日本標準時）").numFmt).toBe("yyyy/mm/dd hh:mm");
    const berlin = await load("Europe/Berlin");
    expect(berlin.cell("最終更新日時（中央ヨーロッパ時間）").value).toEqual(new Date("2026-11-20T01:30:00Z"));
    expect(berlin.cell("ライフサイクル").value).toBe("運用中");
  });
});
