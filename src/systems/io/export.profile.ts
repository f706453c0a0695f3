import type { ProfileQuestion } from "../../library/library.schema.ts";
import type { Locale } from "../../platform/i18n.ts";
import { recordFacts } from "../systems.record-facts.ts";
import { joinList, textIn, WORDS } from "./export.labels.ts";

/** One profile question as a column of the people's export. */
export interface ProfileColumn {
  question: ProfileQuestion;
  header: string;
  kind: "text" | "date";
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A column per profile question that at least one exported system answers, in the library's
 * order, headed by the question as the profile page asks it. Questions nobody answered would be
 * empty columns and are left out; so are the facts the record states itself (purpose, countries),
 * which have their own columns, unless some system answers one its record leaves blank. One column
 * per question, rather than one "question: answer" text, lets a compliance lead filter the sheet
 * ("every system that handles personal information").
 */
export function profileColumns(questions: readonly ProfileQuestion[], records: Iterable<ProfiledRecord>, locale: Locale): ProfileColumn[] {
  const answered = new Set<string>();
  for (const record of records) {
    const stated = recordFacts(record);
    for (const [key, value] of Object.entries(record.profile)) if (isAnswer(value) && !Object.hasOwn(stated, key)) answered.add(key);
  }
  return questions.filter((q) => answered.has(q.id)).map((q) => ({ question: q, header: textIn(q.label, locale, q.id), kind: q.type === "date" ? "date" : "text" }));
}

/** What `profileColumns` reads of a system: its answers, and the record fields that state some facts. */
export interface ProfiledRecord {
  profile: Record<string, unknown>;
  purpose: string;
  countries: readonly string[];
}

const isAnswer = (value: unknown) => value !== null && value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0);

/**
 * An answer as people read it: yes/no, the option's label (several joined), a date as `YYYY-MM-DD`
 * for the writer to format, or the text given. An option the library no longer has keeps its stored
 * value, rather than the cell going blank and hiding that an answer exists.
 */
export function answerText(q: ProfileQuestion, value: unknown, locale: Locale): string {
  if (!isAnswer(value)) return "";
  switch (q.type) {
    case "boolean":
      return typeof value === "boolean" ? (value ? WORDS.yes : WORDS.no)[locale] : String(value);
    case "enum":
      return optionLabel(q, String(value), locale);
    case "multi":
      return joinList((Array.isArray(value) ? value : [value]).map((v) => optionLabel(q, String(v), locale)), locale, true);
    case "date":
      return typeof value === "string" && ISO_DATE.test(value) ? value : "";
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

function optionLabel(q: ProfileQuestion, value: string, locale: Locale): string {
  const option = q.options?.find((o) => o.value === value);
  return option ? textIn(option.label, locale, value) : value;
}
