import { ITEM_STATUS_WORDS } from "../disclosures/system-card.labels.ts";
import type { Locale } from "../platform/i18n.ts";
import type { Bilingual } from "../systems/io/export.labels.ts";
import { ITEM_STATUSES, type ItemStatus } from "./statuses.ts";

/**
 * The words of the assessment workbook (記入方法 / 評価項目). Everything here is Musubi's own
 * wording — sheet names, column headers, the instructions, the import report's sentences — except
 * the status names, which repeat the UI's (`ITEM_STATUS_WORDS`), so the drop-down reads like the
 * screen. Requirement texts come from the library and are never worded here.
 */

/** The hidden sheet's name and the marker in its first data row; neither language, so both read them. */
export const META_SHEET = "musubi";
export const WORKBOOK_FORMAT = "musubi-assessment-workbook/1";

export const SHEETS = {
  instructions: { ja: "記入方法", en: "Instructions" },
  items: { ja: "評価項目", en: "Items" },
} as const satisfies Record<string, Bilingual>;

/** The fields a person fills in and the import reads back, in the order of their columns. */
export const EDITABLE_FIELDS = ["status", "justification", "owner", "dueDate", "comment"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Columns Musubi fills for reference; the import reads the first three only to check the row is where it was. */
export const READ_ONLY_COLUMNS = ["ref", "title", "text", "source", "controls", "evidence", "updated"] as const;
export type ColumnKey = EditableField | (typeof READ_ONLY_COLUMNS)[number];

/** The items sheet's columns, left to right: header in both languages and width in characters. */
export const COLUMNS: readonly { key: ColumnKey; header: Bilingual; width: number }[] = [
  { key: "ref", header: { ja: "参照", en: "Reference" }, width: 16 },
  { key: "title", header: { ja: "見出し", en: "Heading" }, width: 28 },
  { key: "text", header: { ja: "要求事項の本文", en: "Requirement text" }, width: 60 },
  { key: "source", header: { ja: "本文の出典", en: "Source of the text" }, width: 18 },
  { key: "controls", header: { ja: "管理策による状況", en: "Status from controls" }, width: 14 },
  { key: "status", header: { ja: "状況", en: "Status" }, width: 14 },
  { key: "justification", header: { ja: "理由・不足している点・補足", en: "Reason, what is missing, or note" }, width: 40 },
  { key: "owner", header: { ja: "担当者（メールアドレス）", en: "Owner (e-mail address)" }, width: 28 },
  { key: "dueDate", header: { ja: "期限", en: "Due date" }, width: 13 },
  { key: "comment", header: { ja: "コメント", en: "Comment" }, width: 40 },
  { key: "evidence", header: { ja: "証跡", en: "Evidence" }, width: 28 },
  { key: "updated", header: { ja: "Musubiでの最終更新", en: "Last changed in Musubi" }, width: 20 },
];

/** The header of a column by its key. */
export function headerOf(key: ColumnKey): Bilingual {
  return COLUMNS.find((c) => c.key === key)!.header;
}

/** Text compared the way a person means it: full-width folded, case and spacing ignored. */
export const fold = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

const HEADER_BY_TEXT = new Map<string, ColumnKey>();
for (const c of COLUMNS) for (const text of [c.header.ja, c.header.en]) HEADER_BY_TEXT.set(fold(text), c.key);

/** The column a header names, in either language; a header that names a time zone is read without it. */
export function columnOfHeader(header: string): ColumnKey | undefined {
  return HEADER_BY_TEXT.get(fold(header)) ?? HEADER_BY_TEXT.get(fold(header.replace(/[（(][^）)]*[）)]\s*$/, "")));
}

const STATUS_BY_LABEL = new Map<string, ItemStatus>();
for (const s of ITEM_STATUSES) for (const text of [ITEM_STATUS_WORDS[s].ja, ITEM_STATUS_WORDS[s].en]) STATUS_BY_LABEL.set(fold(text), s);

/** The status a cell names by its label in Japanese or English; a blank cell is "not started". */
export function statusOfLabel(text: string): ItemStatus | undefined {
  if (text.trim() === "") return "not_started";
  return STATUS_BY_LABEL.get(fold(text));
}

/** The drop-down's entries: every status by its label in `locale`, in the UI's order. */
export function statusLabels(locale: Locale): string[] {
  return ITEM_STATUSES.map((s) => ITEM_STATUS_WORDS[s][locale]);
}

export { ITEM_STATUS_WORDS };

/** Where a language version of a requirement's text comes from, as the library page names it. */
export const ORIGIN_WORDS: Record<string, Bilingual> = {
  official: { ja: "公式", en: "Official" },
  "government-reference": { ja: "政府による参考訳（法的効力なし）", en: "Government reference translation (no legal effect)" },
  "source-editorial": { ja: "出典の編集による記述", en: "Editorial text from the source" },
  "musubi-editorial": { ja: "Musubiによる記述", en: "Musubi editorial" },
};

export const WORDS = {
  title: { ja: "{framework}の評価：{system}", en: "Assessment against {framework}: {system}" },
  system: { ja: "対象システム", en: "AI system" },
  framework: { ja: "フレームワーク", en: "Framework" },
  version: { ja: "版", en: "Version" },
  exportedAt: { ja: "書き出し日時", en: "Exported" },
  rows: { ja: "行数", en: "Rows" },
  howTo: { ja: "記入方法", en: "How to fill it in" },
  viaControl: { ja: "{title}（管理策経由）", en: "{title} (via a control)" },
  /** Said in the text cell of a row whose requirement the loaded library no longer has. */
  notInLibrary: { ja: "（読み込まれているライブラリにこの項目はありません）", en: "(This item is not in the loaded library)" },
  otherLanguage: { ja: "日本語の本文がないため英語の本文を表示", en: "No English text; the Japanese text is shown" },
  byMusubi: {
    ja: "この説明、シート名及び列名はMusubiによるものです。要求事項の参照・見出し・本文はMusubiのフレームワークライブラリの記載で、本文の出典は「本文の出典」列に示します。",
    en: "These instructions and the sheet and column names are Musubi's wording. References, headings and texts of the requirements are those of Musubi's framework library; the column “Source of the text” says where each text comes from.",
  },
} as const satisfies Record<string, Bilingual>;

/** The instructions, one paragraph a line; `{statuses}` lists the drop-down's labels. */
export function instructionLines(locale: Locale): string[] {
  const statuses = statusLabels(locale).join(locale === "ja" ? "、" : ", ");
  const other = statusLabels(locale === "ja" ? "en" : "ja").join(locale === "ja" ? "、" : ", ");
  const lines: Bilingual[] = [
    {
      ja: `「${SHEETS.items.ja}」シートの白い列（${EDITABLE_FIELDS.map((f) => `「${headerOf(f).ja}」`).join("、")}）に記入してください。取り込むときに読むのはこの5列だけです。灰色の列はMusubiの内容を参考として示すもので、変更しても取り込まれません。`,
      en: `Fill in the white columns of the “${SHEETS.items.en}” sheet (${EDITABLE_FIELDS.map((f) => `“${headerOf(f).en}”`).join(", ")}). Only these five columns are read back on import; the grey columns show what Musubi holds, for reference, and changes to them are not imported.`,
    },
    {
      ja: `状況は一覧から選んでください（${statuses}）。英語の名称（${other}）で入力しても取り込めます。空欄は「${ITEM_STATUS_WORDS.not_started.ja}」として扱います。`,
      en: `Choose the status from the list (${statuses}). The Japanese names (${other}) are read as well. A blank status is read as “${ITEM_STATUS_WORDS.not_started.en}”.`,
    },
    {
      ja: `状況を「${ITEM_STATUS_WORDS.not_applicable.ja}」にした行は、「${headerOf("justification").ja}」に対象外とする理由を必ず記入してください。`,
      en: `A row set to “${ITEM_STATUS_WORDS.not_applicable.en}” must say why in “${headerOf("justification").en}”.`,
    },
    {
      ja: "担当者は、この組織のユーザーのメールアドレスで指定してください（一覧から選べます）。空欄にすると担当者を外します。",
      en: "Give the owner as the e-mail address of a user of this organisation (the list offers them). Leave it blank to remove the owner.",
    },
    {
      ja: "期限は日付で入力してください（例：2026/04/01、令和8年4月1日）。",
      en: "Enter the due date as a date (for example 2026-04-01).",
    },
    {
      ja: "行の並べ替え・挿入・削除はしないでください。各行は書き出したときの要求事項に対応しています。シートは保護されていますが、パスワードは設定していません。",
      en: "Do not sort, insert or delete rows: each row stands for the requirement it was exported with. The sheet is protected, without a password.",
    },
    {
      ja: "非表示のシートには、取り込むために必要な情報（この評価、書き出した日時、各行とその書き出し時点の版）が入っています。",
      en: "A hidden sheet holds what the import needs: which assessment this is, when it was exported, and each row with the version it had then.",
    },
    {
      ja: "取り込むと、何かを書き込む前に変更内容の確認が表示されます。書き出した後にMusubiで変更された行は「競合」として示し、行ごとに明示して選ばない限り上書きしません。",
      en: "On import, Musubi first shows what would change, before writing anything. Rows changed in Musubi since this export are shown as conflicts and are never overwritten unless you choose so row by row.",
    },
    {
      ja: "証跡の追加や変更は、Musubiの評価画面で行ってください。この列は参照用です。",
      en: "Add or change evidence on the assessment page in Musubi; this column is for reference.",
    },
  ];
  return lines.map((l) => l[locale]);
}

const q = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

/** Why a row of the workbook cannot be imported, in both languages, naming the value at fault. */
export const ROW_PROBLEMS = {
  unknown_status: (value: string): Bilingual => ({
    ja: `「${q(value)}」は状況として認識できません。${statusLabels("ja").join("、")}（又は ${statusLabels("en").join(", ")}）のいずれかを選んでください。`,
    en: `"${q(value)}" is not a status; choose one of ${statusLabels("en").join(", ")} (or ${statusLabels("ja").join("、")}).`,
  }),
  justification_required: (): Bilingual => ({
    ja: `状況が「${ITEM_STATUS_WORDS.not_applicable.ja}」の行には、対象外とする理由が必要です。`,
    en: `A row set to “${ITEM_STATUS_WORDS.not_applicable.en}” needs the reason why.`,
  }),
  too_long: (max: number): Bilingual => ({
    ja: `${max.toLocaleString("ja-JP")}文字以内で入力してください。`,
    en: `Write at most ${max.toLocaleString("en-GB")} characters.`,
  }),
  not_of_assessment: (): Bilingual => ({
    ja: "この行は、この評価の要求事項に対応していません（行が別の評価から写されたか、非表示の情報が変更されています）。",
    en: "This row does not belong to this assessment (it was copied from another one, or the hidden information was changed).",
  }),
  row_moved: (): Bilingual => ({
    ja: "この行の参照・見出し・本文が、書き出したときの内容と一致しません。行が並べ替えられたか、灰色の列が変更されています。",
    en: "This row's reference, heading or text is not what was exported here; rows were sorted or moved, or the grey columns were changed.",
  }),
  row_added: (): Bilingual => ({
    ja: "この行は書き出したときにはありませんでした。追加した行は取り込めません。",
    en: "This row was not in the exported workbook; added rows cannot be imported.",
  }),
  row_removed: (): Bilingual => ({
    ja: "書き出したこの行が、シートにありません（行が削除又は空欄にされています）。",
    en: "This exported row is missing from the sheet (it was deleted or cleared).",
  }),
  tampered: (): Bilingual => ({
    ja: "非表示のシートにあるこの行の情報が変更されています。書き出し直したブックを使ってください。",
    en: "The hidden information for this row was changed; export the workbook again and use the new one.",
  }),
  no_longer_applies: (): Bilingual => ({
    ja: "この要求事項は、書き出した後の再判定によりこのシステムに適用されなくなりました。",
    en: "Since the export, a re-evaluation found that this requirement no longer applies to the system.",
  }),
} as const;
export type RowProblemCode = keyof typeof ROW_PROBLEMS | "unknown_user" | "invalid_date";

/** Why a whole workbook is refused (422 `workbook_mismatch`), in both languages. */
export const WORKBOOK_PROBLEMS = {
  not_musubi_workbook: {
    ja: "このファイルは、Musubiが評価から書き出したExcelブックではありません。評価画面の「Excelに書き出す」で作ったブックを使ってください。",
    en: "This file is not an Excel workbook Musubi exported from an assessment; use one made with “Export to Excel” on the assessment page.",
  },
  other_assessment: {
    ja: "このブックは別の評価から書き出されたものです。この評価から書き出したブックを使ってください。",
    en: "This workbook was exported from another assessment; use one exported from this assessment.",
  },
  items_sheet_missing: {
    ja: `評価項目のシート（「${SHEETS.items.ja}」又は「${SHEETS.items.en}」）が見つかりません。シート名を変更していないか確認してください。`,
    en: `The sheet of items (“${SHEETS.items.en}” or “${SHEETS.items.ja}”) is missing; check that it was not renamed.`,
  },
  column_missing: {
    ja: "評価項目のシートに必要な列がありません。列の見出しを変更又は削除していないか確認してください。",
    en: "The sheet of items lacks a column the import needs; check that no column header was changed or removed.",
  },
} as const satisfies Record<string, Bilingual>;
export type WorkbookProblem = keyof typeof WORKBOOK_PROBLEMS;

/** `{name}` placeholders filled from `values`. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}
