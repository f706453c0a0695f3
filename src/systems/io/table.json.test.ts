import { describe, expect, it } from "vitest";
import { suggestMapping } from "./import.mapping.ts";
import { validateRows } from "./import.validate.ts";
import { readTable } from "./table.read.ts";
import { appErrorOf, testContext, utf8 } from "./io.test-support.ts";

/** A register published as JSON, records nested in an envelope, as public algorithm registers publish them (written for this test). */
const REGISTER = {
  meta: { published: "2026-11-01", count: 3 },
  data: {
    items: [
      { id: "alg-1", name: "Toeslagen risicomodel", description_short: "Beoordeelt aanvragen", status: "in_gebruik", owner: { organisation: "Belastingdienst", email: null }, tags: ["risico", "fraude"], vendors: ["Acme, Inc."] },
      { id: "alg-2", name: "Chatbot gemeente", status: "in_ontwikkeling", tags: [] },
      { id: "alg-3", name: "Parkeerscan", status: "buiten_gebruik", extra: { nested: { deep: 1 } } },
    ],
  },
};

describe("systems.io JSON registers", () => {
  it("finds the records in their envelope and flattens them under dotted keys", async () => {
    const table = await readTable(utf8(JSON.stringify(REGISTER)), "register.json");
    expect(table.format).toBe("json");
    expect(table.recordsPath).toBe("data.items");
    expect(table.headers).toEqual(["id", "name", "description_short", "status", "owner.organisation", "tags", "vendors", "extra.nested.deep"]);
    expect(table.rows.map((r) => [r.line, r.cells[1], r.cells[5], r.cells[6]])).toEqual([
      [2, "Toeslagen risicomodel", "risico; fraude", '["Acme, Inc."]'],
      [3, "Chatbot gemeente", "", ""],
      [4, "Parkeerscan", "", ""],
    ]);
  });

  it("imports such a register through the same mapping and reading rules as a spreadsheet", async () => {
    const table = await readTable(utf8(JSON.stringify(REGISTER)), "register.json");
    const mapping = suggestMapping(table.headers);
    expect(mapping).toEqual([
      { column: "id", field: "code" },
      { column: "name", field: "nameEn" },
      { column: "description_short", field: "purpose" },
      { column: "status", field: "lifecycle" },
      { column: "tags", field: "tags" },
      { column: "vendors", field: "vendors" },
    ]);
    const { valid, errors } = validateRows(table, mapping, testContext());
    expect(errors).toEqual([]);
    expect(valid.map((v) => [v.input.code, v.input.lifecycle, v.input.vendors, v.input.tags])).toEqual([
      ["alg-1", "deployed", ["Acme, Inc."], ["risico", "fraude"]],
      ["alg-2", "development", [], []],
      ["alg-3", "retired", [], []],
    ]);
  });

  it("reads JSON Lines and a top-level list, and follows a records path it is given", async () => {
    const lines = await readTable(utf8('{"name":"A"}\n{"name":"B","status":"live"}\n'), "register.jsonl");
    expect(lines.rows.map((r) => r.cells)).toEqual([["A", ""], ["B", "live"]]);
    const list = await readTable(utf8('[{"name":"A"}]'), "r.json");
    expect(list.recordsPath).toBe("");
    const chosen = await readTable(utf8(JSON.stringify({ a: [{ x: 1 }], b: [{ name: "B" }] })), "r.json", { recordsPath: "b" });
    expect(chosen.headers).toEqual(["name"]);
  });

  it("keeps an applicability profile whole, as Musubi's own JSON export writes it", async () => {
    const table = await readTable(utf8(JSON.stringify([{ code: "A-1", nameJa: "あ", nameEn: "A", profile: { personalData: true, deploymentRegions: ["jp"] }, models: [{ name: "m" }] }])), "export.json");
    expect(table.headers).toEqual(["code", "nameJa", "nameEn", "profile", "models"]);
    const { valid, errors } = validateRows(table, suggestMapping(table.headers), testContext());
    expect(errors).toEqual([]);
    expect(valid[0]!.input).toMatchObject({ profile: { personalData: true, deploymentRegions: ["jp"] }, models: [{ name: "m" }] });
  });

  it("refuses what is not a register, saying why", async () => {
    expect((await appErrorOf(() => readTable(utf8("{not json"), "r.json"))).details).toMatchObject({ reason: "bad_json" });
    expect((await appErrorOf(() => readTable(utf8('{"a":1}'), "r.json"))).details).toMatchObject({ reason: "bad_json" });
    expect((await appErrorOf(() => readTable(utf8('{"a":[{"x":1}]}'), "r.json", { recordsPath: "b.c" }))).details).toMatchObject({ reason: "bad_json" });
    const deep = `${"[".repeat(40)}${"]".repeat(40)}`;
    expect((await appErrorOf(() => readTable(utf8(deep), "r.json"))).details).toMatchObject({ reason: "bad_json" });
  });
});
