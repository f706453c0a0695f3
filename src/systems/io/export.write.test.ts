import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createSystemBody, type CreateSystemInput, type SystemView } from "../systems.schema.ts";
import { exportColumns, listCell } from "./export.cells.ts";
import { toCsv, toJson, toXlsx } from "./export.write.ts";
import { suggestMapping } from "./import.mapping.ts";
import { validateRows } from "./import.validate.ts";
import { readTable } from "./table.read.ts";
import { testContext } from "./io.test-support.ts";

const sato = { id: "usr_sato", displayName: "佐藤 花子", email: "sato@example.jp" };
const suzuki = { id: "usr_suzuki", displayName: "Suzuki Taro", email: "suzuki@example.jp" };
const sales = { id: "dep_sales", code: "SALES", nameJa: "営業部", nameEn: "Sales" };

/** A system as the API presents it (links to the vendor register aside); the exporters must accept exactly this. */
type View = Omit<SystemView, "vendorLinks">;
function view(fields: Partial<View>): View {
  return {
    id: "sys_1", code: "AIS-0001", nameJa: "名前", nameEn: "Name", purpose: "", businessOwner: null, technicalOwner: null, department: null,
    lifecycle: "planning", profile: {}, models: [], datasets: [], components: [], vendors: [], countries: [], tags: [],
    lastReviewedAt: null, nextReviewAt: null, euClass: null, euClassFrom: null, frameworks: [], classifiedOn: null, custom: {},
    createdAt: "2025-01-01T00:00:00Z", updatedAt: "2025-01-01T00:00:00Z", version: 1, ...fields,
  };
}

const records: View[] = [
  view({
    code: "AIS-0001",
    nameJa: "需要予測「α」、在庫",
    nameEn: 'Forecast "alpha", v2',
    purpose: 'Line 1\nLine 2, with "quotes" and 絵文字 🎌🤖',
    businessOwner: sato,
    technicalOwner: suzuki,
    department: sales,
    lifecycle: "deployed",
    profile: { usesBiometrics: false, sector: "retail", nested: { list: [1, "二"] } },
    models: [{ name: "GPT-4o", provider: "OpenAI", version: "2024-08-06", licence: "proprietary", hosting: "saas-api", bomRef: "pkg:generic/gpt-4o" }],
    datasets: [{ name: "販売実績; 2020–2024", source: "https://data.example.jp/sales", personalData: true, sensitiveData: false, licence: "internal" }],
    components: [{ name: "pytorch", version: "2.3", supplier: "Meta, Inc.", licence: "BSD-3-Clause" }],
    vendors: ["Acme, Inc.", "富士通"],
    countries: ["JP", "US"],
    tags: ["retail", "需要予測"],
    lastReviewedAt: "2024-04-01",
    nextReviewAt: "2025-03-31",
  }),
  view({
    code: "0042",
    nameJa: "-マイナス始まり",
    nameEn: "@mention bot",
    purpose: "=HYPERLINK(\"http://evil.example\")",
    vendors: ["A; B", "C、D", "[beta] E", '["x"]'],
    tags: ["tag,with comma", "+plus"],
    countries: ["EU"],
  }),
  view({ code: "EMOJI-1", nameJa: "🤖", nameEn: "🤖", purpose: "'=already quoted", lifecycle: "retired" }),
];

/** What importing a record must give back: its stated fields, with people and department by id. */
function expectedInput(r: View): CreateSystemInput {
  return createSystemBody.parse({
    code: r.code, nameJa: r.nameJa, nameEn: r.nameEn, purpose: r.purpose,
    businessOwnerId: r.businessOwner?.id ?? null, technicalOwnerId: r.technicalOwner?.id ?? null, departmentId: r.department?.id ?? null,
    lifecycle: r.lifecycle, profile: r.profile, models: r.models, datasets: r.datasets, components: r.components,
    vendors: r.vendors, countries: r.countries, tags: r.tags, lastReviewedAt: r.lastReviewedAt, nextReviewAt: r.nextReviewAt,
  });
}

async function reimport(bytes: Uint8Array, fileName: string) {
  const table = await readTable(bytes, fileName);
  return validateRows(table, suggestMapping(table.headers), testContext());
}

describe("systems.io export round trip", () => {
  it("gives back the same inputs through CSV", async () => {
    const { valid, errors } = await reimport(new TextEncoder().encode(toCsv(records)), "systems.csv");
    expect(errors).toEqual([]);
    expect(valid.map((v) => v.input)).toEqual(records.map(expectedInput));
  });

  it("gives back the same inputs through XLSX", async () => {
    const { valid, errors } = await reimport(await toXlsx(records), "systems.xlsx");
    expect(errors).toEqual([]);
    expect(valid.map((v) => v.input)).toEqual(records.map(expectedInput));
  });
});

describe("systems.io toCsv", () => {
  const text = toCsv(records);

  it("writes UTF-8 with a byte-order mark, CRLF, and the field ids as headers", () => {
    expect(text.startsWith(`\uFEFF${exportColumns.map((c) => c.header).join(",")}\r\n`)).toBe(true);
    expect(text.split("\r\n")).toHaveLength(records.length + 2);
  });

  it("guards cells Excel would run as formulas", () => {
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).toContain(",'-マイナス始まり,'@mention bot,");
    expect(text).toContain(",''=already quoted,");
  });

  it("writes owners by e-mail and the department by code, each followed by its names for an import that creates them", () => {
    expect(text.split("\r\n")[1]).toContain(",sato@example.jp,佐藤 花子,suzuki@example.jp,Suzuki Taro,SALES,営業部,Sales,deployed,");
  });
});

describe("systems.io listCell", () => {
  it("joins plain items with '; ' and falls back to JSON when an item holds a separator", () => {
    expect(listCell(["JP", "US"], true)).toBe("JP; US");
    expect(listCell(["Acme, Inc.", "NEC"], false)).toBe("Acme, Inc.; NEC");
    expect(listCell(["Acme, Inc.", "NEC"], true)).toBe('["Acme, Inc.","NEC"]');
    expect(listCell(["富士通、NEC"], false)).toBe('["富士通、NEC"]');
    expect(listCell([], false)).toBe("");
  });
});

describe("systems.io toXlsx", () => {
  it("writes one 'systems' sheet with a bold, frozen header and real dates", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await toXlsx(records)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["systems"]);
    const ws = wb.getWorksheet("systems")!;
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const lastReviewed = exportColumns.findIndex((c) => c.field === "lastReviewedAt") + 1;
    expect(ws.getRow(2).getCell(lastReviewed).value).toEqual(new Date("2024-04-01T00:00:00Z"));
    expect(ws.getColumn(1).width).toBeGreaterThan(8);
  });
});

describe("systems.io toJson", () => {
  it("writes systems in the import's shape with lists as arrays", () => {
    const systems = JSON.parse(toJson(records));
    expect(systems).toHaveLength(3);
    expect(systems[0]).toMatchObject({ code: "AIS-0001", businessOwnerEmail: "sato@example.jp", departmentCode: "SALES", vendors: ["Acme, Inc.", "富士通"] });
    expect(systems[2]).toMatchObject({ businessOwnerEmail: null, departmentCode: null, models: [] });
    expect(Object.keys(systems[0])).toEqual(exportColumns.map((c) => c.field));
  });
});
