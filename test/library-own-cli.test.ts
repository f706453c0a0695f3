import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHEETS } from "../src/library/org/org-frameworks.xlsx.ts";
import { demoDataDir, runCli } from "./support/process.ts";

describe("musubi CLI: library template and library add (demo data, SQLite)", () => {
  let root: string;
  const env = () => ({ MUSUBI_DATA_DIR: root });

  beforeAll(async () => {
    root = await demoDataDir();
  }, 60_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("writes the template, and adds the filled-in framework to the organisation", async () => {
    const template = path.join(root, "template.xlsx");
    const written = await runCli(["library", "template", "--out", template], env());
    expect(written.code, written.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const facts: Record<string, string> = { id: "org-vendor-questionnaire", version: "2026", "name.ja": "取引先AI質問票", "name.en": "Customer AI questionnaire", kind: "voluntary-framework", "issuer.ja": "取引先A社", "issuer.en": "Customer A", "legalEffect.ja": "契約上の要求", "legalEffect.en": "Contractual requirement", "source.ja": "AI質問票 2026年版", "source.en": "AI questionnaire 2026", licence: "取引先の許諾による" };
    wb.getWorksheet(SHEETS.framework)!.eachRow((row) => {
      const key = String(row.getCell(1).value);
      if (key in facts) row.getCell(2).value = facts[key]!;
    });
    const filled = path.join(root, "filled.xlsx");
    await wb.xlsx.writeFile(filled);
    const added = await runCli(["library", "add", filled, "--org", "demo"], env());
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toBe("org-vendor-questionnaire 2026 added for demo (xlsx): 1 requirements in 2 items, 0 applicability rules, 0 crosswalk edges\n");
    const again = await runCli(["library", "add", filled, "--org", "demo"], env());
    expect(again.code).toBe(1);
  });
});
