import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { suggestMapping, type Mapping } from "./import.mapping.ts";
import { createRowValidator, validateRows, type RowError } from "./import.validate.ts";
import { readTable, type Table } from "./table.read.ts";
import { appErrorOf, CORPUS, hasCorpus, testContext, utf8 } from "./io.test-support.ts";

const csv = (text: string) => readTable(utf8(text), "t.csv");
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const brief = (errors: RowError[]) => errors.map((e) => ({ line: e.line, column: e.column, code: e.code }));

describe("systems.io validateRows on a Shift_JIS register", async () => {
  const table = await readTable(readFileSync(new URL("./fixtures/register-cp932.csv", import.meta.url)), "AI台帳.csv");
  const mapping = suggestMapping(table.headers);
  const { valid, errors } = validateRows(table, mapping, testContext());

  it("maps every column of the register by its Japanese header", () => {
    expect(mapping.map((m) => m.field)).toEqual([
      "code", "nameJa", "nameEn", "purpose", "businessOwnerEmail", "departmentCode", "lifecycle", "vendors", "countries", "lastReviewedAt", "nextReviewAt",
    ]);
  });

  it("imports the good rows with owners and departments resolved and values normalised", () => {
    expect(valid.map((v) => v.line)).toEqual([3, 4, 10, 14]);
    expect(valid[0]).toEqual({
      line: 3,
      input: expect.objectContaining({
        code: "AIS-001",
        nameJa: "需要予測①",
        nameEn: "Demand forecast",
        businessOwnerId: "usr_sato",
        departmentId: "dep_sales",
        lifecycle: "deployed",
        vendors: ["㈱富士通", "NEC"],
        countries: ["JP", "US"],
        lastReviewedAt: "2024-04-01",
        nextReviewAt: "2025-04-01",
      }),
    });
    expect(valid[1]!.input).toMatchObject({ nameJa: "チャットボット", nameEn: "チャットボット", businessOwnerId: "usr_suzuki", vendors: ["Acme, Inc."], lifecycle: "development" });
    expect(valid[2]!.input).toMatchObject({ vendors: ["OpenAI", "Microsoft"], countries: ["JP", "DE"], lifecycle: "retired" });
    expect(valid[3]!.input.purpose).toBe("複数行の\r\n説明");
  });

  it("reports each broken row by line and column", () => {
    expect(brief(errors)).toEqual([
      { line: 5, column: "次回レビュー日", code: "invalid_date" },
      { line: 6, column: "ステータス", code: "unknown_lifecycle" },
      { line: 7, column: undefined, code: "name_required" },
      { line: 8, column: "部署", code: "unknown_department" },
      { line: 9, column: "管理番号", code: "duplicate_code" },
      { line: 11, column: "最終レビュー日", code: "invalid_date" },
      { line: 12, column: "国", code: "unknown_country" },
    ]);
  });

  it("names the offending value in English and Japanese", () => {
    const department = errors.find((e) => e.code === "unknown_department")!;
    expect(department.message.en).toContain("FACTORY9");
    expect(department.message.ja).toContain("FACTORY9");
    expect(errors.find((e) => e.code === "duplicate_code")!.message.ja).toContain("3行目");
    for (const e of errors) {
      expect(e.message.en.length).toBeGreaterThan(10);
      expect(e.message.ja).toMatch(JAPANESE);
    }
  });
});

describe("systems.io validateRows rules", () => {
  it("refuses a code already in the inventory and one with characters a code cannot hold", async () => {
    const table = await csv("code,name\nAIS-1,A\nAIS 2,B\nAIS-3,C\n");
    const { valid, errors } = validateRows(table, suggestMapping(table.headers), testContext({ existingCodes: new Set(["AIS-1"]) }));
    expect(valid.map((v) => v.input.code)).toEqual(["AIS-3"]);
    expect(brief(errors)).toEqual([
      { line: 2, column: "code", code: "code_taken" },
      { line: 3, column: "code", code: "invalid_code" },
    ]);
  });

  it("names an unknown owner e-mail in both languages", async () => {
    const table = await csv("name,技術責任者\nA,nobody@example.jp\n");
    const { errors } = validateRows(table, suggestMapping(table.headers), testContext());
    expect(errors).toEqual([
      expect.objectContaining({ line: 2, column: "技術責任者", field: "technicalOwnerEmail", code: "unknown_user", message: { en: expect.stringContaining("nobody@example.jp"), ja: expect.stringContaining("nobody@example.jp") } }),
    ]);
  });

  it("merges list columns in order without repeats", async () => {
    const table = await csv("name,開発元,委託先,tags\nA,Acme; NEC,NEC; 富士通,\"a, b, a\"\n");
    const { valid } = validateRows(table, suggestMapping(table.headers), testContext());
    expect(valid[0]!.input.vendors).toEqual(["Acme", "NEC", "富士通"]);
    expect(valid[0]!.input.tags).toEqual(["a", "b"]);
  });

  it("attributes a bad list item to the column it came from", async () => {
    const long = "x".repeat(501);
    const table = await csv(`name,開発元,委託先\nA,Acme,${long}\n`);
    const { errors } = validateRows(table, suggestMapping(table.headers), testContext());
    expect(errors).toEqual([expect.objectContaining({ line: 2, column: "委託先", field: "vendors.1", code: "schema_too_big" })]);
    expect(errors[0]!.message.ja).toMatch(JAPANESE);
  });

  it("checks nested entries against the schema and names the path", async () => {
    const table = await csv('name,models\nA,"[{""name"":""GPT-4o"",""hosting"":""moon""}]"\n');
    const { errors } = validateRows(table, suggestMapping(table.headers), testContext());
    expect(errors).toEqual([expect.objectContaining({ column: "models", field: "models.0.hosting", code: "schema_invalid_value" })]);
  });

  it("reads models as plain names too", async () => {
    const table = await csv("name,models\nA,GPT-4o; Claude\n");
    const { valid } = validateRows(table, suggestMapping(table.headers), testContext());
    expect(valid[0]!.input.models).toEqual([{ name: "GPT-4o" }, { name: "Claude" }]);
  });

  it("passes the profile to the applicability check and reports its problems under profile", async () => {
    const checkProfile = vi.fn(() => [{ path: "usesBiometrics", message: { en: "Answer yes or no.", ja: "はい又はいいえで回答してください。" } }]);
    const table = await csv('name,profile\nA,"{""usesBiometrics"":""maybe""}"\nB,not json\n');
    const { valid, errors } = validateRows(table, suggestMapping(table.headers), testContext({ checkProfile }));
    expect(valid).toEqual([]);
    expect(checkProfile).toHaveBeenCalledWith({ usesBiometrics: "maybe" });
    expect(brief(errors)).toEqual([
      { line: 2, column: "profile", code: "invalid_profile" },
      { line: 3, column: "profile", code: "invalid_json_object" },
    ]);
    expect(errors[0]!.field).toBe("profile.usesBiometrics");
  });

  it("reports ragged CSV rows but tolerates empty trailing cells", async () => {
    const table = await csv("code,name,purpose\nA,a,x\nB,b\nC,c,z,extra\nD,d,w,,\n");
    const { valid, errors } = validateRows(table, suggestMapping(table.headers), testContext());
    expect(valid.map((v) => v.input.code)).toEqual(["A", "D"]);
    expect(brief(errors)).toEqual([
      { line: 3, column: undefined, code: "missing_cells" },
      { line: 4, column: undefined, code: "extra_cells" },
    ]);
  });

  it("takes off the formula guard the CSV exporter adds, and only in CSV", async () => {
    const table = await csv("name,purpose\nA,'=SUM(1)\n");
    expect(validateRows(table, suggestMapping(table.headers), testContext()).valid[0]!.input.purpose).toBe("=SUM(1)");
    const xlsx: Table = { ...table, format: "xlsx" };
    expect(validateRows(xlsx, suggestMapping(table.headers), testContext()).valid[0]!.input.purpose).toBe("'=SUM(1)");
  });

  it("refuses a mapping naming a column the file lacks, or a single-value field twice", async () => {
    const table = await csv("name,title\nA,B\n");
    const bad: Mapping = [
      { column: "名前", field: "nameJa" },
      { column: "title", field: "nameEn" },
      { column: "name", field: "nameEn" },
    ];
    const err = await appErrorOf(() => validateRows(table, bad, testContext()));
    expect(err.status).toBe(400);
    expect(err.details).toEqual([
      expect.objectContaining({ field: "mapping.0.column", code: "unknown_column" }),
      expect.objectContaining({ field: "mapping.2.field", code: "duplicate_field" }),
    ]);
  });

  it("reports progress every 2,000 rows and at the end", async () => {
    const table = await csv(["name", ...Array.from({ length: 5_000 }, (_, i) => `S${i}`)].join("\n"));
    const calls: number[] = [];
    validateRows(table, suggestMapping(table.headers), testContext(), (done, total) => {
      expect(total).toBe(5_000);
      calls.push(done);
    });
    expect(calls).toEqual([2_000, 4_000, 5_000]);
  });
});

describe("systems.io createRowValidator", () => {
  it("remembers codes across ranges, so a repeat in a later range names the first row", async () => {
    const table = await csv("code,name\nA,1\nB,2\nA,3\n");
    const validator = createRowValidator(table, suggestMapping(table.headers), testContext());
    expect(validator.validateRange(0, 2).errors).toEqual([]);
    const later = validator.validateRange(2, 3);
    expect(later.valid).toEqual([]);
    expect(later.errors).toEqual([expect.objectContaining({ line: 4, code: "duplicate_code", message: expect.objectContaining({ en: expect.stringContaining("row 2") }) })]);
  });
});

describe("systems.io validateRows speed", () => {
  it("reads and validates 100,000 CSV rows in a few seconds", async () => {
    const header = "管理番号,システム名,Name,利用目的,事業責任者,技術責任者,部署,ステータス,ベンダー,国,タグ,最終レビュー日,次回レビュー日";
    const lines = [header];
    for (let i = 0; i < 100_000; i++) {
      lines.push(`AIS-${i},需要予測${i},Forecast ${i},"在庫の最適化, 需要予測",sato@example.jp,suzuki@example.jp,SALES,運用中,"Acme, Inc.; 富士通",JP;US,"retail,forecast",令和6年4月${1 + (i % 28)}日,2026/4/1`);
    }
    const bytes = utf8(lines.join("\r\n"));
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const { user, system } = process.cpuUsage(since);
      return (user + system) / 1_000;
    };
    const started = process.cpuUsage();
    const table = await readTable(bytes, "big.csv");
    const read = cpuMs(started);
    const { valid, errors } = validateRows(table, suggestMapping(table.headers), testContext());
    const total = cpuMs(started);
    console.info(`100,000 rows (${(bytes.length / 1e6).toFixed(1)} MB), CPU time: readTable ${read.toFixed(0)} ms, validateRows ${(total - read).toFixed(0)} ms`);
    expect(errors).toEqual([]);
    expect(valid).toHaveLength(100_000);
    expect(total).toBeLessThan(10_000);
  });
});

describe.skipIf(!hasCorpus("the AIID import test"))("systems.io validateRows on the AIID snapshot", () => {
  it("reads all 989 incidents and turns the JSON entity cells into vendor lists", async () => {
    const table = await readTable(readFileSync(`${CORPUS}/aiid-snapshot-2025-03/incidents.csv`), "incidents.csv");
    expect(table.rows).toHaveLength(989);
    const mapping: Mapping = [
      { column: "incident_id", field: "code" },
      { column: "title", field: "nameEn" },
      { column: "description", field: "purpose" },
      { column: "Alleged deployer of AI system", field: "vendors" },
      { column: "Alleged developer of AI system", field: "vendors" },
    ];
    const { valid, errors } = validateRows(table, mapping, testContext());
    expect(errors).toEqual([]);
    expect(valid).toHaveLength(989);
    const incident23 = valid.find((v) => v.input.code === "23")!.input;
    expect(incident23.vendors).toEqual(["navya", "keolis-north-america"]);
    expect(incident23.nameJa).toBe("Las Vegas Self-Driving Bus Involved in Accident");
    const incident4 = valid.find((v) => v.input.code === "4")!.input;
    expect(incident4.vendors).toEqual(["uber"]);
  });
});
