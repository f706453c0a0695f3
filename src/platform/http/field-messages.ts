import type { z } from "zod";
import type { Locale } from "../i18n.ts";

type Bilingual = Readonly<Record<Locale, string>>;

/**
 * What to tell a person about one field, for the rules zod cannot word itself (a pattern, a check
 * across fields, a reference to another record). Written as advice — what to do — in both languages;
 * the form puts the field's label in front, so no message names its field.
 */
export const FIELD_TEXT = {
  code_chars: {
    en: "Use only letters, digits, dots, underscores and hyphens (for example HR-01).",
    ja: "半角英数字・ピリオド（.）・アンダースコア（_）・ハイフン（-）だけで入力してください（例：HR-01）。",
  },
  country_code: {
    en: "Choose countries from the list (two-letter ISO 3166 codes such as JP).",
    ja: "国は一覧から選んでください（JPのようなISO 3166の2文字コード）。",
  },
  answer_every_question: { en: "Answer every question of the questionnaire.", ja: "質問票のすべての質問に回答してください。" },
  no_such_column: { en: "Choose one of the file's columns.", ja: "ファイルの列から選んでください。" },
  title_column: { en: "Map a column to the title.", ja: "件名に当たる列を指定してください。" },
  row_list: { en: "List row numbers and ranges separated by commas (for example 2-3, 10).", ja: "行番号と範囲をカンマ区切りで入力してください（例：2-3, 10）。" },
  nul_character: { en: "Remove the NUL character (U+0000); it cannot be stored.", ja: "NUL文字（U+0000）は保存できません。取り除いてください。" },
  sha256: { en: "Give the SHA-256 as 64 lower-case hexadecimal digits.", ja: "SHA-256は小文字の16進数64桁で指定してください。" },
  evidence_file_needed: { en: "Choose the file to upload.", ja: "アップロードするファイルを選んでください。" },
  evidence_url_needed: { en: "Enter the link (https://…).", ja: "リンク（https://…）を入力してください。" },
  valid_until_before_from: { en: "Choose a date on or after the start of validity.", ja: "有効期間の開始日以降の日付を選んでください。" },
  requirement_urn: { en: "Choose a requirement from the framework library.", ja: "フレームワークライブラリの要求事項から選んでください。" },
  residual_pair: {
    en: "Give residual likelihood and impact together, or neither.",
    ja: "残存リスクの発生可能性と影響度は、両方とも入力するか、両方とも空にしてください。",
  },
  schedule_anchor: { en: "A monthly cycle needs the date it starts from.", ja: "月単位の周期には起算日が必要です。" },
  delegation_end: { en: "Choose an end date on or after the start date.", ja: "終了日は開始日以降の日付にしてください。" },
  band_ids_unique: { en: "Give each band its own id.", ja: "各区分には別々のIDを付けてください。" },
  tool_name: { en: "Use only letters, digits, underscores and hyphens.", ja: "半角英数字・アンダースコア（_）・ハイフン（-）だけで入力してください。" },
  date_or_instant: { en: "Enter a date (YYYY-MM-DD) or a UTC time.", ja: "日付（YYYY-MM-DD）又はUTCの日時を入力してください。" },
  timezone: { en: "Choose a time zone from the list, such as Asia/Tokyo.", ja: "タイムゾーンは一覧から選んでください（例：Asia/Tokyo）。" },
  event_name: { en: "Name an event such as task.assigned, task.* or *.", ja: "task.assigned、task.*、* のようにイベントを指定してください。" },
  no_such_user: { en: "This person is not an active user of your organisation; choose another.", ja: "この人は組織の有効なユーザーではありません。別の人を選んでください。" },
  no_such_department: { en: "This department does not exist in your organisation; choose another.", ja: "この部署は組織にありません。別の部署を選んでください。" },
  no_such_system: { en: "This AI system does not exist in your organisation; choose another.", ja: "このAIシステムは組織にありません。別のシステムを選んでください。" },
  no_such_record: { en: "The linked record does not exist in your organisation; choose another.", ja: "紐付けた記録は組織にありません。別の記録を選んでください。" },
  no_such_requirement: { en: "This requirement is not in the framework library; choose one from the list.", ja: "この要求事項はフレームワークライブラリにありません。一覧から選んでください。" },
  no_such_category: { en: "Choose categories from the list (MIT AI Risk Repository).", ja: "分類は一覧（MIT AI Risk Repository）から選んでください。" },
  no_such_file: { en: "Upload the file first; your organisation has no file with this fingerprint.", ja: "先にファイルをアップロードしてください。この指紋（SHA-256）のファイルは組織にありません。" },
  contract_end_before_start: { en: "Choose an end date on or after the contract's start.", ja: "契約終了日は契約開始日以降の日付にしてください。" },
  number_too_large: { en: "Enter a smaller number; this one is too large to store.", ja: "保存できない大きさの数値です。小さい値を入力してください。" },
  file_empty: { en: "The file is empty; choose another.", ja: "ファイルが空です。別のファイルを選んでください。" },
  report_format: { en: "Choose PDF or Excel for a report; the system cards come as JSON Lines (jsonl).", ja: "レポートはPDF又はExcelを選んでください。システムカードの一括出力はJSON形式（1行に1枚）です。" },
  file_name_encoding: { en: "Send the file name URI-encoded.", ja: "ファイル名はURIエンコードして送信してください。" },
  link_only_url: { en: "Only link evidence has a URL.", ja: "URLを持てるのはリンク形式の証跡だけです。" },
  version_needed: { en: "Reload the system and try again (its version was not sent).", ja: "システムを再読み込みしてから、もう一度お試しください（版が送信されていません）。" },
  webhook_address_refused: {
    en: "Webhooks cannot be delivered to this address (an internal or reserved network). An operator can allow an internal receiver with MUSUBI_OUTBOUND_ALLOW.",
    ja: "このアドレス（内部又は予約済みのネットワーク）にはWebhookを配信できません。内部の受信先は運用者がMUSUBI_OUTBOUND_ALLOWで許可できます。",
  },
  not_applicable_reason: { en: "Say why this requirement does not apply to the system.", ja: "この要求事項が対象外である理由を記入してください。" },
  same_system_assessment: { en: "Choose another assessment of the same system.", ja: "同じシステムの別の評価を選んでください。" },
  no_such_framework: { en: "This framework is not in the library; choose one from the list of frameworks.", ja: "このフレームワークはライブラリにありません。フレームワークの一覧から選んでください。" },
  authority_role: {
    en: "This role exists only in an authority's organisation; choose another role.",
    ja: "この役割は当局の組織でのみ使えます。別の役割を選んでください。",
  },
  publication_confidential: {
    en: "This text quotes a part a sender marked confidential; confidential content is never published. Reword it.",
    ja: "この文章は、提出者が秘匿指定した箇所を引用しています。秘匿情報は公表できません。書き換えてください。",
  },
  approver_supervisor: { en: "Choose supervisors or administrators of the authority other than yourself as approvers.", ja: "承認者には、自分以外の当局の監督者又は管理者を選んでください。" },
  no_recipients: {
    en: "No approved registered organisation matches; choose another organisation or sector.",
    ja: "該当する承認済みの登録事業者がありません。別の事業者又は業種を選んでください。",
  },
  deadline_past: { en: "Choose a deadline after today.", ja: "期限は明日以降の日付にしてください。" },
  unknown_sector: { en: "Choose a sector from the list.", ja: "業種・分野は一覧から選んでください。" },
  confidential_part_missing: {
    en: "Mark as confidential only parts the document has (a JSON Pointer such as /rootCause).",
    ja: "秘匿指定できるのは文書にある箇所だけです（/rootCause のようなJSON Pointerで指定してください）。",
  },
  document_kind_mismatch: { en: "The document's format does not match the kind of submission.", ja: "文書の形式が提出の種類と一致しません。" },
  period_order: { en: "Choose an end date on or after the start date, at most five years later.", ja: "終了日は開始日以降、5年以内の日付にしてください。" },
  field_key_chars: {
    en: "Start with a lower-case letter and use only lower-case letters, digits and underscores (for example legal_basis).",
    ja: "半角英小文字で始め、英小文字・数字・アンダースコア（_）だけで入力してください（例：legal_basis）。",
  },
  options_unique: { en: "Give each option its own value.", ja: "選択肢ごとに別々の値を付けてください。" },
  options_needed: { en: "Add at least one option to choose from.", ja: "選択肢を1つ以上追加してください。" },
  options_not_allowed: { en: "Only choice fields have options.", ja: "選択肢を持てるのは選択型の項目だけです。" },
  option_in_use: { en: "Records still hold this option; keep it (relabel it if needed).", ja: "この選択肢を使っている記録があるため削除できません（表示名は変更できます）。" },
  too_many_values: { en: "Send at most 100 custom values.", ja: "独自項目の値は100個までにしてください。" },
  no_such_field: { en: "Your organisation has no such field for this kind of record; define it first.", ja: "この種類の記録にこの独自項目はありません。先に項目を定義してください。" },
  field_archived: { en: "This field is retired; bring it back before filling it in.", ja: "この独自項目は廃止されています。値を入れるには先に再開してください。" },
  custom_text: { en: "Enter text (at most 2,000 characters; 20,000 for long text).", ja: "文字列を入力してください（最大2,000文字、長文は20,000文字）。" },
  custom_number: { en: "Enter a number, such as 12 or 3.5.", ja: "数値を入力してください（例：12、3.5）。" },
  custom_date: { en: "Enter a date as YYYY-MM-DD.", ja: "日付をYYYY-MM-DDの形で入力してください。" },
  custom_url: { en: "Enter an address starting with https:// or http://.", ja: "https:// 又は http:// で始まるアドレスを入力してください。" },
  custom_choice: { en: "Choose one of the field's options.", ja: "項目の選択肢から選んでください。" },
  custom_multi_choice: { en: "Choose from the field's options (a list of values).", ja: "項目の選択肢から選んでください（値のリスト）。" },
} as const satisfies Record<string, Bilingual>;

export type FieldTextKey = keyof typeof FIELD_TEXT;

const PREFIX = "musubi:";

/**
 * The message a schema or service gives for one field: a key that {@link localizeDetails} words in
 * the caller's language when the error is answered (zod only carries a string to there).
 */
export function fieldText(key: FieldTextKey): string {
  return PREFIX + key;
}

/** The caller's words for a message made by {@link fieldText}; any other text is returned unchanged. */
export function wordField(message: string, locale: Locale): string {
  if (!message.startsWith(PREFIX)) return message;
  const key = message.slice(PREFIX.length);
  return Object.hasOwn(FIELD_TEXT, key) ? FIELD_TEXT[key as FieldTextKey][locale] : message;
}

/** An error's details with every {@link fieldText} message worded in `locale` (others untouched). */
export function localizeDetails(details: unknown, locale: Locale): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d) =>
    typeof d === "object" && d !== null && typeof (d as { message?: unknown }).message === "string"
      ? { ...d, message: wordField((d as { message: string }).message, locale) }
      : d,
  );
}

/** The pattern of business codes (systems, risks, controls, departments, vendors). */
const CODE_PATTERN = /^[A-Za-z0-9._-]+$/;

const plural = (n: number, en: string) => `${n} ${en}${n === 1 ? "" : "s"}`;

/** The length of the value at `path` in `input` (characters for text, items for a list), if there is one. */
function lengthAt(input: unknown, path: readonly PropertyKey[]): number | undefined {
  let v: unknown = input;
  for (const k of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  if (typeof v === "string") return v.length;
  if (Array.isArray(v)) return v.length;
  return undefined;
}

const FORMAT: Record<string, Bilingual> = {
  email: { en: "Enter an e-mail address such as name@example.jp.", ja: "メールアドレス（例：name@example.jp）を入力してください。" },
  url: { en: "Enter a web address starting with https://.", ja: "https:// で始まるURLを入力してください。" },
  date: { en: "Enter a date as YYYY-MM-DD.", ja: "日付を YYYY-MM-DD の形式で入力してください。" },
  datetime: { en: "Enter a date and time.", ja: "日時を入力してください。" },
  uuid: { en: "This is not a valid identifier.", ja: "識別子の形式が正しくありません。" },
};

/**
 * One zod issue in the caller's words: what to do, with the limit ("Enter at most 200 characters
 * (now 215)."), never the validator's own text. `input` is what was sent, to count what was typed.
 */
export function wordIssue(issue: z.core.$ZodIssue, input: unknown, locale: Locale): string {
  const ja = locale === "ja";
  if (issue.message.startsWith(PREFIX)) return wordField(issue.message, locale);
  switch (issue.code) {
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "string") {
        if (n <= 1) return ja ? "入力してください。" : "Enter a value.";
        return ja ? `${n}文字以上で入力してください。` : `Enter at least ${plural(n, "character")}.`;
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return ja ? `${n}件以上選んでください。` : `Choose at least ${n}.`;
      }
      if (issue.inclusive === false) return ja ? `${n}より大きい値を入力してください。` : `Enter a number greater than ${n}.`;
      return ja ? `${n}以上の値を入力してください。` : `Enter ${n} or more.`;
    }
    case "too_big": {
      const n = Number(issue.maximum);
      const now = lengthAt(input, issue.path);
      if (issue.origin === "string") {
        const tail = now === undefined ? "" : ja ? `（現在${now}文字）` : ` (now ${now})`;
        return ja ? `${n}文字以内で入力してください${tail}。` : `Enter at most ${plural(n, "character")}${tail}.`;
      }
      if (issue.origin === "array" || issue.origin === "set") {
        const tail = now === undefined ? "" : ja ? `（現在${now}件）` : ` (now ${now})`;
        return ja ? `${n}件以内にしてください${tail}。` : `Choose at most ${n}${tail}.`;
      }
      if (issue.inclusive === false) return ja ? `${n}より小さい値を入力してください。` : `Enter a number less than ${n}.`;
      return ja ? `${n}以下の値を入力してください。` : `Enter ${n} or less.`;
    }
    case "invalid_type": {
      if (valueAt(input, issue.path) == null) return ja ? "入力してください。" : "Enter a value.";
      if (issue.expected === "number" || issue.expected === "int") return ja ? "数値を入力してください。" : "Enter a number.";
      if (issue.expected === "boolean") return ja ? "はい又はいいえを選んでください。" : "Choose yes or no.";
      if (issue.expected === "array") return ja ? "一覧から選んでください。" : "Choose from the list.";
      return ja ? "入力の形式が正しくありません。" : "This value has the wrong form.";
    }
    case "invalid_value":
    case "invalid_union":
      return ja ? "一覧から選んでください。" : "Choose one of the options.";
    case "invalid_format": {
      // Every business code has this pattern; say what it allows even where a schema gave no message.
      if (issue.format === "regex" && "pattern" in issue && String(issue.pattern) === String(CODE_PATTERN)) return FIELD_TEXT.code_chars[locale];
      const f = FORMAT[issue.format];
      if (f) return f[locale];
      return ja ? "入力の形式が正しくありません。" : "This value has the wrong form.";
    }
    case "not_multiple_of":
      return ja ? `${String(issue.divisor)}の倍数を入力してください。` : `Enter a multiple of ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return ja ? "この項目は受け付けていません。" : "This field is not accepted here.";
    case "invalid_key":
    case "invalid_element":
      return ja ? "一覧の中に正しくない値があります。" : "Some items of the list are not valid.";
    case "custom":
      return issue.message;
    default:
      return ja ? "入力内容を確認してください。" : "Check this value.";
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}
