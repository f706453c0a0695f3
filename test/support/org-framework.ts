import ExcelJS from "exceljs";
import { expect } from "vitest";
import { SHEETS } from "../../src/library/org/org-frameworks.xlsx.ts";
import type { TestApp } from "./app.ts";

/** The Excel template filled in as a compliance lead would: an AI policy that applies to generative systems. */
export async function filledTemplate(api: TestApp, token: string, opts: { id?: string; rule?: string } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const res = await api.app.request("/api/library/own/template.xlsx", { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return fillTemplate(await res.arrayBuffer(), opts);
}

/** {@link filledTemplate} from the template's bytes, however they were fetched (another server's). */
export async function fillTemplate(template: ArrayBuffer, opts: { id?: string; rule?: string } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template);
  const facts: Record<string, string> = { id: opts.id ?? "org-ai-policy", version: "1", "name.ja": "生成AI利用規程", "name.en": "Generative AI use policy", kind: "soft-law", "issuer.ja": "当社", "issuer.en": "The company", "legalEffect.ja": "社内規程", "legalEffect.en": "Internal policy", "source.ja": "生成AI利用規程 第1版", "source.en": "Generative AI use policy v1", licence: "社内限り" };
  wb.getWorksheet(SHEETS.framework)!.eachRow((row) => {
    const key = String(row.getCell(1).value);
    if (key in facts) row.getCell(2).value = facts[key]!;
  });
  wb.getWorksheet(SHEETS.applicability)!.addRow(["applies-generative", "生成AIに適用", "Applies to generative AI", opts.rule ?? "generative == true", "1", ""]);
  wb.getWorksheet(SHEETS.crosswalk)!.addRow(["1.1", "urn:musubi:jp-ai-guidelines:1.2:principle-1", "intersect", "人間中心の原則と重なる", "Overlaps the human-centric principle"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

