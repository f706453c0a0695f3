import ExcelJS from "exceljs";
import type { TestApp } from "../../test/support/app.ts";
import { COLUMNS, META_SHEET, SHEETS, type ColumnKey } from "./assessments.xlsx.labels.ts";

/** The 1-based column of a key in the items sheet. */
export const col = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key) + 1;

/** Downloads the assessment's workbook as `token` in `lang`; fails loudly unless it is one. */
export async function exportBook(api: TestApp, token: string, assessmentId: string, lang: "ja" | "en" = "ja"): Promise<Uint8Array> {
  const res = await api.app.request(`/api/assessments/${assessmentId}/xlsx?lang=${lang}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Opens a workbook with ExcelJS, lets `edit` change it as a person would in Excel, and saves it. */
export async function editBook(bytes: Uint8Array, edit: (book: ExcelJS.Workbook, items: ExcelJS.Worksheet, meta: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const items = book.getWorksheet(SHEETS.items.ja) ?? book.getWorksheet(SHEETS.items.en)!;
  edit(book, items, book.getWorksheet(META_SHEET)!);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Sets cells of the items sheet: `{ 2: { status: "達成" } }` fills row 2's status. */
export function fillRows(rows: Record<number, Partial<Record<ColumnKey, string | Date | null>>>) {
  return (_book: ExcelJS.Workbook, items: ExcelJS.Worksheet) => {
    for (const [line, cells] of Object.entries(rows)) {
      for (const [key, value] of Object.entries(cells)) items.getRow(Number(line)).getCell(col(key as ColumnKey)).value = value ?? null;
    }
  };
}

/** Posts a workbook to `/xlsx/preview` or `/xlsx/apply` as the web does: raw bytes, named in x-file-name. */
export async function sendBook(api: TestApp, token: string, assessmentId: string, step: "preview" | "apply", bytes: Uint8Array, query = "") {
  const res = await api.app.request(`/api/assessments/${assessmentId}/xlsx/${step}${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "x-file-name": encodeURIComponent("評価.xlsx"), "content-type": "application/octet-stream" },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
