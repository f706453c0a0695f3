import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import type { Db } from "../db/connect.ts";
import type { Library } from "../library/library.model.ts";
import { orgTimeZone } from "../orgs/orgs.store.ts";
import type { Locale } from "../platform/i18n.ts";
import { formatInstant, nowIso, todayIn } from "../platform/time.ts";
import { inZone, textIn, zoneLongName } from "../systems/io/export.labels.ts";
import { wallClock } from "../systems/io/export.write.ts";
import { listItems, readAssessment } from "./assessments.read.ts";
import type { AssessmentView, ItemView } from "./assessments.schema.ts";
import {
  COLUMNS,
  EDITABLE_FIELDS,
  fill,
  instructionLines,
  ITEM_STATUS_WORDS,
  META_SHEET,
  ORIGIN_WORDS,
  SHEETS,
  statusLabels,
  WORDS,
  WORKBOOK_FORMAT,
  type ColumnKey,
  type EditableField,
} from "./assessments.xlsx.labels.ts";

/** What a person can change in a row, as the workbook writes it and the import compares it. */
export type EditableValues = Record<EditableField, string>;

/** The most a text answer may hold: the limit `updateItemBody` sets. */
export const MAX_TEXT = 4000;

const GREY = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } } as const;
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } } as const;
const TOP_WRAP = { wrapText: true, vertical: "top" } as const;
/** The first row of items in the items sheet (row 1 holds the headers). */
export const FIRST_ITEM_LINE = 2;

/**
 * The inverse of `unescapeOoxml` (src/systems/io/xlsx.parts.ts), which the import reads with:
 * characters XML 1.0 cannot hold become `_xHHHH_`, as Excel writes them, and text that already
 * looks like such an escape gets its underscore escaped (`_x005F_`), so it reads back as typed.
 * ExcelJS writes strings as they are; without this a control character in a comment makes a file
 * Excel calls corrupt, and a literal `_x0041_` would come back as `A`.
 */
export function escapeOoxml(text: string): string {
  return text
    .replace(/_x([0-9A-F]{4})_/g, "_x005F_x$1_")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Line ends and outer spaces as a spreadsheet may change them: what two cells are compared after. */
export const normalText = (s: string) => s.replace(/\r\n?/g, "\n").trim();

/**
 * A short digest of the cells that say which requirement a row is (reference, heading, text). The
 * hidden sheet keeps it per row; on import a row whose cells give another digest was moved (sorted)
 * or had its grey cells changed, so its answers cannot be trusted to belong to the same requirement.
 */
export function rowFingerprint(ref: string, title: string, text: string): string {
  return createHash("sha256").update([ref, title, text].map(normalText).join("\u0000")).digest("hex").slice(0, 16);
}

/** The requirement's text in `locale` as the library gives it, and where that text comes from. */
function requirementText(library: Library, urn: string, locale: Locale): { text: string; source: string } {
  const node = library.nodes.get(urn)?.node;
  if (!node) return { text: WORDS.notInLibrary[locale], source: "" };
  const other: Locale = locale === "ja" ? "en" : "ja";
  const lang = node.text?.[locale] !== undefined ? locale : node.text?.[other] !== undefined ? other : undefined;
  // Articles and other headings hold no text of their own (their paragraphs do); a note says why when the library gives one.
  if (lang === undefined) return { text: node.textNote ? textIn(node.textNote, locale) : "", source: "" };
  const origin = node.textOrigin?.[lang];
  const words = origin ? ORIGIN_WORDS[origin]?.[locale] ?? "" : "";
  const fallback = lang !== locale ? WORDS.otherLanguage[locale] : "";
  return { text: node.text![lang]!, source: [words, fallback].filter(Boolean).join(locale === "ja" ? "。" : ". ") };
}

/** A row's editable values as the sheet shows them: status by its label, owner by e-mail, due date as ISO. */
export function editableValues(item: ItemView, emailOf: (id: string) => string | undefined): EditableValues {
  return {
    status: item.answer ?? "not_started",
    justification: item.justification ?? "",
    owner: item.owner ? (emailOf(item.owner.id) ?? "") : "",
    dueDate: item.dueDate ?? "",
    comment: item.comment ?? "",
  };
}

/**
 * The assessment as a workbook people fill in: instructions in `locale`, the items with their
 * requirement (read-only, grey) and the five answer columns (white), a status drop-down of labels
 * in `locale`, and a very hidden sheet holding which assessment this is, when it was exported, and
 * each row's item with its version and exported values, so the re-import can find conflicts.
 */
export async function exportAssessmentXlsx(deps: { db: Db; library: Library }, orgId: string, assessmentId: string, locale: Locale, now = nowIso()): Promise<{ bytes: Uint8Array; fileName: string }> {
  const db = deps.db.kysely;
  const assessment = await readAssessment(db, deps.library, orgId, assessmentId);
  const timeZone = await orgTimeZone(db, orgId);
  const today = todayIn(timeZone);
  const page = await listItems(db, deps.library, orgId, { assessmentId, limit: Math.max(assessment.total, 1), offset: 0, sort: "position" }, today);
  const users = await db.selectFrom("users").select(["id", "email", "status"]).where("org_id", "=", orgId).orderBy("email").execute();
  const emailById = new Map(users.map((u) => [u.id, u.email]));
  const active = users.filter((u) => u.status === "active").map((u) => u.email);

  const book = new ExcelJS.Workbook();
  book.creator = "Musubi";
  book.created = new Date(now);
  await writeInstructions(book.addWorksheet(SHEETS.instructions[locale]), assessment, page.items.length, locale, timeZone, now);
  const items = book.addWorksheet(SHEETS.items[locale], { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  const meta = book.addWorksheet(META_SHEET, { state: "veryHidden" });

  meta.addRow(["key", "value"]);
  meta.addRow(["format", WORKBOOK_FORMAT]);
  meta.addRow(["assessment", assessment.id]);
  meta.addRow(["exportedAt", now]);
  meta.addRow(["locale", locale]);
  meta.addRow(["sheet", SHEETS.items[locale]]);
  const firstUser = meta.rowCount + 1;
  for (const email of active) meta.addRow(["user", email]);
  const ownerList = `${META_SHEET}!$B$${firstUser}:$B$${Math.max(meta.rowCount, firstUser)}`;

  const zone = zoneLongName(timeZone, locale);
  items.columns = COLUMNS.map((c) => ({ header: c.key === "updated" ? inZone(c.header[locale], zone, locale) : c.header[locale], key: c.key, width: c.width }));
  const header = items.getRow(1);
  header.font = { bold: true };
  header.alignment = TOP_WRAP;
  header.eachCell((cell) => (cell.fill = HEADER_FILL));

  const dateFormat = locale === "ja" ? "yyyy/mm/dd" : "yyyy-mm-dd";
  const labels = statusLabels(locale);
  for (const item of page.items) {
    const ref = textIn(item.requirement.label, locale);
    const title = textIn(item.requirement.title, locale);
    const { text, source } = requirementText(deps.library, item.requirement.urn, locale);
    const values = editableValues(item, (id) => emailById.get(id));
    const cells: Record<ColumnKey, string | Date | null> = {
      ref,
      title,
      text,
      source,
      controls: item.fromControls ? ITEM_STATUS_WORDS[item.fromControls][locale] : "",
      status: ITEM_STATUS_WORDS[item.answer ?? "not_started"][locale],
      justification: values.justification,
      owner: values.owner,
      dueDate: values.dueDate ? new Date(`${values.dueDate}T00:00:00Z`) : null,
      comment: values.comment,
      evidence: item.evidence.map((e) => (e.via === "control" ? fill(WORDS.viaControl[locale], { title: e.title }) : e.title)).join("\n"),
      updated: wallClock(item.updatedAt, timeZone),
    };
    const row = items.addRow(Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, typeof v === "string" ? escapeOoxml(v) : v])));
    row.alignment = TOP_WRAP;
    for (const c of COLUMNS) {
      const cell = row.getCell(c.key);
      const editable = (EDITABLE_FIELDS as readonly string[]).includes(c.key);
      cell.protection = { locked: !editable };
      if (!editable) cell.fill = GREY;
    }
    row.getCell("dueDate").numFmt = dateFormat;
    row.getCell("updated").numFmt = `${dateFormat} hh:mm`;
    row.getCell("status").dataValidation = { type: "list", allowBlank: true, formulae: [`"${labels.join(",")}"`], showErrorMessage: true, errorStyle: "stop", error: ROW_HINTS.status[locale] };
    row.getCell("owner").dataValidation = { type: "list", allowBlank: true, formulae: [ownerList], showErrorMessage: true, errorStyle: "warning", error: ROW_HINTS.owner[locale] };
    row.getCell("dueDate").dataValidation = { type: "date", operator: "greaterThan", allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, errorStyle: "stop", error: ROW_HINTS.dueDate[locale] };
    for (const key of ["justification", "comment"] as const) {
      row.getCell(key).dataValidation = { type: "textLength", operator: "lessThanOrEqual", allowBlank: true, formulae: [MAX_TEXT], showErrorMessage: true, errorStyle: "stop", error: ROW_HINTS.text[locale] };
    }
    meta.addRow(["row", String(row.number), item.id, String(item.version), rowFingerprint(ref, title, text), values.status, values.justification, values.owner, values.dueDate, values.comment].map(escapeOoxml));
  }
  items.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  await items.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false, insertRows: false, deleteRows: false, insertColumns: false, deleteColumns: false });
  await meta.protect("", {});
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];

  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return { bytes, fileName: `assessment-${assessment.system.code}-${asciiName(textIn(assessment.frameworkName, "en", "framework"))}-${today}.xlsx` };
}

/** A name as a file name may carry it without quoting: ASCII letters and digits joined by hyphens. */
const asciiName = (name: string) => name.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "framework";

/** What a cell's drop-down or check says when Excel refuses a value. */
const ROW_HINTS = {
  status: { ja: "一覧から状況を選んでください。", en: "Choose a status from the list." },
  owner: { ja: "この組織のユーザーのメールアドレスを入力してください。", en: "Enter the e-mail address of a user of this organisation." },
  dueDate: { ja: "日付を入力してください。", en: "Enter a date." },
  text: { ja: `${MAX_TEXT.toLocaleString("ja-JP")}文字以内で入力してください。`, en: `Write at most ${MAX_TEXT.toLocaleString("en-GB")} characters.` },
} as const;

async function writeInstructions(sheet: ExcelJS.Worksheet, a: AssessmentView, rows: number, locale: Locale, timeZone: string, now: string): Promise<void> {
  sheet.columns = [{ width: 22 }, { width: 110 }];
  const framework = textIn(a.frameworkName, locale, a.framework);
  const system = locale === "ja" ? a.system.nameJa || a.system.nameEn : a.system.nameEn || a.system.nameJa;
  const title = sheet.addRow([escapeOoxml(fill(WORDS.title[locale], { framework, system }))]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([]);
  const facts: [string, string][] = [
    [WORDS.system[locale], locale === "ja" ? `${system}（${a.system.code}）` : `${system} (${a.system.code})`],
    [WORDS.framework[locale], framework],
    [WORDS.version[locale], a.frameworkVersion],
    [WORDS.exportedAt[locale], formatInstant(now, timeZone, locale)],
    [WORDS.rows[locale], rows.toLocaleString(locale === "ja" ? "ja-JP" : "en-GB")],
  ];
  for (const [k, v] of facts) sheet.addRow([k, escapeOoxml(v)]).getCell(1).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([WORDS.howTo[locale]]).font = { bold: true, size: 12 };
  instructionLines(locale).forEach((line, i) => {
    const row = sheet.addRow([`${i + 1}.`, line]);
    row.alignment = TOP_WRAP;
    row.getCell(1).alignment = { vertical: "top", horizontal: "right" };
  });
  sheet.addRow([]);
  const note = sheet.addRow(["", WORDS.byMusubi[locale]]);
  note.alignment = TOP_WRAP;
  note.font = { italic: true, color: { argb: "FF595959" } };
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}
