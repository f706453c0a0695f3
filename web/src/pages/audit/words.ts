import type { Locale } from "../../api/types.ts";
import type { MessageKey } from "../../i18n/en.ts";
import type { Params } from "../../i18n/translate.ts";
import type { AuditRef, AuditRefs } from "./ledger.api.ts";
import { INTERNAL_ID } from "./vocabulary.ts";

/** One applicability question, as the ledger names a `profile.<id>` field and its answers. */
export interface ProfileQuestionWords {
  label: string;
  option(value: string): string | undefined;
}

/**
 * Everything the ledger needs to put an entry into words: the UI language's translator and
 * formatters, the names of the records a page mentions, and (once loaded) the library's framework
 * and profile-question names. A plain object, so the wording is tested without rendering.
 */
export interface LedgerWords {
  lang: Locale;
  t(key: MessageKey, params?: Params): string;
  /** The translation of `key` when the dictionary has it. */
  maybe(key: string, params?: Params): string | undefined;
  dateTime(iso: string): string;
  day(day: string): string;
  month(month: number): string;
  number(n: number): string;
  refs: AuditRefs;
  framework(id: string): string | undefined;
  question(id: string): ProfileQuestionWords | undefined;
}

/** "INC-000003 Chatbot leak", or just the name or code when there is only one. */
export function refText(ref: AuditRef, words: Pick<LedgerWords, "lang" | "t">): string {
  const name = ref.name[words.lang] || ref.name[words.lang === "ja" ? "en" : "ja"];
  const text = ref.code && name && name !== ref.code ? `${ref.code} ${name}` : name || ref.code || "";
  return ref.deleted ? words.t("audit.record.deleted", { name: text }) : text;
}

/** An internal id as the name of its record, or a plain "record no longer here": never the id. */
export function idText(id: string, words: Pick<LedgerWords, "lang" | "t" | "refs">): string {
  const ref = words.refs[id];
  return ref ? refText(ref, words) : words.t("audit.record.unknown");
}

export const isInternalId = (value: unknown): value is string => typeof value === "string" && INTERNAL_ID.test(value);

/** `businessOwnerEmail` → "Business owner email": the last resort for a field with no label. */
export function humanise(key: string): string {
  const words = key
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The list separator of the UI language. */
export const listSeparator = (lang: Locale) => (lang === "ja" ? "、" : ", ");
