import { LIFECYCLE } from "../systems.schema.ts";
import { eraSpan, type DateProblem } from "./import.dates.ts";

/** A sentence for the person fixing the file, in both languages the UI speaks. */
export interface Bilingual {
  en: string;
  ja: string;
}

/** Cell text quoted into a message, cut short so one long cell cannot swamp an error report. */
const q = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

/** Row-level messages by error code; each names the offending value so the person can find it. */
export const rowMessages = {
  missing_cells: (have: number, want: number): Bilingual => ({
    en: `The row has ${have} cells but the header has ${want}; check for a missing delimiter or a stray quote.`,
    ja: `この行のセル数（${have}）が見出し行（${want}）と一致しません。区切り文字の欠落や余分な引用符がないか確認してください。`,
  }),
  extra_cells: (have: number, want: number): Bilingual => ({
    en: `The row has ${have} cells but the header has only ${want}; the extra cells would be lost.`,
    ja: `この行のセル数（${have}）が見出し行（${want}）より多く、超過分が取り込まれません。`,
  }),
  name_required: (): Bilingual => ({
    en: "Give the system a name in Japanese or English.",
    ja: "システム名（日本語又は英語）を入力してください。",
  }),
  invalid_code: (value: string): Bilingual => ({
    en: `Code "${q(value)}" may use only letters, digits, dot, underscore and hyphen, at most 40 characters.`,
    ja: `コード「${q(value)}」には英数字・ピリオド・アンダースコア・ハイフンのみ、40文字以内で使用できます。`,
  }),
  duplicate_code: (value: string, firstLine: number): Bilingual => ({
    en: `Code "${q(value)}" is already used on row ${firstLine} of this file.`,
    ja: `コード「${q(value)}」はこのファイルの${firstLine}行目で既に使われています。`,
  }),
  code_taken: (value: string): Bilingual => ({
    en: `Code "${q(value)}" is already used by a system in the inventory.`,
    ja: `コード「${q(value)}」は台帳の既存のシステムで使われています。`,
  }),
  unknown_user: (value: string): Bilingual => ({
    en: `No user in this organisation has the e-mail address "${q(value)}".`,
    ja: `メールアドレス「${q(value)}」のユーザーはこの組織にいません。`,
  }),
  unknown_department: (value: string): Bilingual => ({
    en: `No department in this organisation has the code "${q(value)}".`,
    ja: `部署コード「${q(value)}」の部署はこの組織にありません。`,
  }),
  unknown_lifecycle: (value: string): Bilingual => ({
    en: `"${q(value)}" is not a lifecycle stage; use ${LIFECYCLE.join(", ")} (or 企画, 開発, 運用中, 廃止, 不明), or translate the file's words in the column's value mapping.`,
    ja: `「${q(value)}」はライフサイクルとして認識できません。企画・開発・運用中・廃止・不明（又は ${LIFECYCLE.join(", ")}）を使用するか、列の値の対応付けでファイルの語を読み替えてください。`,
  }),
  invalid_date: (value: string, problem: DateProblem): Bilingual => {
    if (problem === "impossible") {
      return { en: `"${q(value)}" is not a day that exists.`, ja: `「${q(value)}」は存在しない日付です。` };
    }
    const era = problem === "era" ? eraSpan(value) : undefined;
    if (era) {
      const to = era.to ?? "";
      return {
        en: `"${q(value)}" is outside the ${era.name} era (${era.from} – ${to}).`,
        ja: `「${q(value)}」は${era.name}の期間（${era.from}〜${to}）外の日付です。`,
      };
    }
    return {
      en: `"${q(value)}" is not a date; write 2025-04-01, 2025/4/1 or a Japanese era date such as 令和7年4月1日 or R7.4.1.`,
      ja: `「${q(value)}」は日付として認識できません。2025-04-01、2025/4/1、令和7年4月1日、R7.4.1 のように入力してください。`,
    };
  },
  invalid_list: (value: string): Bilingual => ({
    en: `"${q(value)}" is a JSON array with items that are not text.`,
    ja: `「${q(value)}」は文字列以外の要素を含むJSON配列です。`,
  }),
  unknown_country: (value: string): Bilingual => ({
    en: `"${q(value)}" is not a country; use an ISO 3166-1 alpha-2 code such as JP or DE, or EU.`,
    ja: `「${q(value)}」は国として認識できません。JP、DE のようなISO 3166-1の2文字コード又はEUを使用してください。`,
  }),
  invalid_json_object: (value: string): Bilingual => ({
    en: `"${q(value)}" is not a JSON object such as {"key": "value"}.`,
    ja: `「${q(value)}」は {"key": "value"} のようなJSONオブジェクトではありません。`,
  }),
  invalid_row: (): Bilingual => ({
    en: "The row is not valid; check its values.",
    ja: "この行の内容に誤りがあります。値を確認してください。",
  }),
  owner_elsewhere: (email: string): Bilingual => ({
    en: `"${q(email)}" is the address of an account Musubi cannot use here (another organisation's, or disabled): the owner cannot be created. Name someone of this organisation.`,
    ja: `「${q(email)}」はこの組織で使えないアカウント（他の組織のもの又は無効化されたもの）のメールアドレスのため、責任者を作成できません。この組織の人を指定してください。`,
  }),
  duplicate_key: (value: string, firstLine: number): Bilingual => ({
    en: `"${q(value)}" identifies the system on row ${firstLine} of this file too; one row per system.`,
    ja: `「${q(value)}」はこのファイルの${firstLine}行目のシステムと同じです。1つのシステムは1行で記載してください。`,
  }),
  possible_duplicate: (value: string, code: string): Bilingual => ({
    en: `"${q(value)}" has the name of ${code}, already in the inventory: it will be registered as a second system. To update ${code} instead, import with an upsert key (code or name).`,
    ja: `「${q(value)}」は台帳の既存システム ${code} と同じ名称です。別のシステムとして登録されます。${code} を更新する場合は、照合キー（コード又は名称）を指定して取り込んでください。`,
  }),
  replacement_character: (value: string): Bilingual => ({
    en: `"${q(value)}" holds the replacement character �: the file was probably saved in another encoding than the one it was read in (try reading it as Shift_JIS or UTF-8), or the text was already damaged.`,
    ja: `「${q(value)}」に置換文字 � が含まれています。ファイルの文字コードが読み込み時の指定と異なる可能性があります（Shift_JIS又はUTF-8で読み直してください）。元のデータが既に破損している場合もあります。`,
  }),
  control_character: (value: string): Bilingual => ({
    en: `"${q(value)}" holds an invisible control character (such as U+0002); it is kept as it is — check the cell in the source.`,
    ja: `「${q(value)}」に不可視の制御文字（U+0002など）が含まれています。そのまま取り込みます。元のセルを確認してください。`,
  }),
  invalid_entries: (value: string): Bilingual => ({
    en: `"${q(value)}" is neither a JSON array of entries nor a list of names.`,
    ja: `「${q(value)}」はエントリのJSON配列でも名前の一覧でもありません。`,
  }),
};

export type RowErrorCode = keyof typeof rowMessages | "invalid_profile" | `schema_${string}`;
