import type { Locale } from "../platform/i18n.ts";
import type { Library } from "../library/library.model.ts";
import type { ProfileQuestion } from "../library/library.schema.ts";
import type { Facts } from "./evaluate.ts";
import { ERROR, FALSE, type Sink, TRUE } from "./kleene.ts";

/** Why a profile was refused; `field` names the fact (e.g. `facts.euRoles`) so forms can point at it. */
export interface ProfileIssue {
  field: string;
  code: "unknown_fact" | "wrong_type" | "unknown_option" | "duplicate_option" | "bad_date" | "too_long" | "contradiction" | "constraint_error";
  message: string;
}

export interface CheckedProfile {
  facts: Facts;
  issues: ProfileIssue[];
  /** Questions that apply to this profile (their `askIf` holds) but have no answer yet. */
  unanswered: string[];
  /** Every question that applies to this profile, answered or not, in library order: what a form shows. */
  asked: string[];
  /** Facts filled from a question's `notAsked` value because its `askIf` is false. */
  implied: string[];
}

const MESSAGES = {
  unknown_fact: { en: (f: string) => `"${f}" is not a profile question.`, ja: (f: string) => `「${f}」というプロファイルの設問はありません。` },
  wrong_type: { en: (t: string) => `Expected ${t}.`, ja: (t: string) => `${t}で答えてください。` },
  unknown_option: { en: (o: string) => `"${o}" is not one of the options.`, ja: (o: string) => `「${o}」は選択肢にありません。` },
  duplicate_option: { en: (o: string) => `"${o}" is given twice.`, ja: (o: string) => `「${o}」が重複しています。` },
  bad_date: { en: () => "Expected a date as YYYY-MM-DD.", ja: () => "日付はYYYY-MM-DDの形式で入力してください。" },
  too_long: { en: () => "The text is too long (2,000 characters at most).", ja: () => "文字数が多すぎます（2,000文字まで）。" },
} as const;

const TYPE_NAMES = {
  boolean: { en: "true or false", ja: "true又はfalse" },
  enum: { en: "one option", ja: "選択肢の一つ" },
  multi: { en: "a list of options", ja: "選択肢のリスト" },
  date: { en: "a date", ja: "日付" },
  text: { en: "text", ja: "文字列" },
} as const;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDate(value: string): boolean {
  if (value.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return !(month === 2 && day === 29 && !leap);
}

/** Why one answer is refused, or null when it is a valid answer to its question. */
function checkAnswer(
  q: ProfileQuestion | undefined,
  options: Set<string> | undefined,
  value: unknown,
  locale: Locale,
  id: string,
): [ProfileIssue["code"], string] | null {
  if (!q) return ["unknown_fact", MESSAGES.unknown_fact[locale](id)];
  const wrongType: [ProfileIssue["code"], string] = ["wrong_type", MESSAGES.wrong_type[locale](TYPE_NAMES[q.type][locale])];
  switch (q.type) {
    case "boolean":
      return typeof value === "boolean" ? null : wrongType;
    case "enum":
      if (typeof value !== "string") return wrongType;
      return options!.has(value) ? null : ["unknown_option", MESSAGES.unknown_option[locale](value)];
    case "multi": {
      if (!Array.isArray(value)) return wrongType;
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v !== "string") return wrongType;
        if (!options!.has(v)) return ["unknown_option", MESSAGES.unknown_option[locale](v)];
        if (value.indexOf(v) !== i) return ["duplicate_option", MESSAGES.duplicate_option[locale](v)];
      }
      return null;
    }
    case "date":
      if (typeof value !== "string") return wrongType;
      return isRealDate(value) ? null : ["bad_date", MESSAGES.bad_date[locale]()];
    case "text":
      if (typeof value !== "string") return wrongType;
      return value.length <= 2000 ? null : ["too_long", MESSAGES.too_long[locale]()];
  }
}

const OPTION_SETS = new WeakMap<Library, Map<string, Set<string>>>();

/** Each question's allowed option values, built once per library. */
function optionSetsOf(library: Library): Map<string, Set<string>> {
  let sets = OPTION_SETS.get(library);
  if (!sets) {
    sets = new Map([...library.compiled.questions.values()].map((q) => [q.id, new Set(q.options?.map((o) => o.value))]));
    OPTION_SETS.set(library, sets);
  }
  return sets;
}

/**
 * Checks answers against the library's profile questions: unknown facts, wrong types, options that
 * do not exist and answers that contradict each other are refused, each naming its field. Missing
 * answers are not errors; they are listed so the rules that need them report "undetermined".
 */
export function checkProfile(library: Library, input: Record<string, unknown>, locale: Locale): CheckedProfile {
  const { questions, askIf, constraints } = library.compiled;
  const optionSets = optionSetsOf(library);
  const issues: ProfileIssue[] = [];
  const facts: Facts = {};
  // A plain loop with no closures: this runs once per system in bulk re-evaluation.
  for (const id in input) {
    const value = input[id];
    const problem = checkAnswer(questions.get(id), optionSets.get(id), value, locale, id);
    if (problem) issues.push({ field: `facts.${id}`, code: problem[0], message: problem[1] });
    else facts[id] = value as Facts[string];
  }
  if (issues.length) return { facts, issues, unanswered: [], asked: [], implied: [] };

  for (const c of constraints) {
    const sink: Sink = { missing: [], error: null };
    const v = c.expr.test(facts, sink);
    if (v === TRUE) {
      const message = c.message[locale] ?? c.message.en ?? c.message.ja!;
      for (const field of c.fields) issues.push({ field: `facts.${field}`, code: "contradiction", message });
    } else if (v === ERROR) {
      // A constraint over unanswered facts cannot be violated yet (UNKNOWN); a failure is a defect
      // in the library and must be visible rather than passing silently.
      issues.push({ field: `facts.${c.fields[0]}`, code: "constraint_error", message: `constraint ${c.id}: ${sink.error}` });
    }
  }

  // Questions are in dependency order, so one pass settles each askIf before later questions read it.
  const asked: string[] = [];
  const implied: string[] = [];
  for (const q of questions.values()) {
    const cond = askIf.get(q.id);
    // UNKNOWN: the condition depends on an unanswered fact; ask that one first, imply nothing yet.
    const v = cond ? cond.test(facts, { missing: [], error: null }) : TRUE;
    const holds = v === TRUE ? true : v === FALSE ? false : undefined;
    if (holds) asked.push(q.id);
    else if (holds === false && q.notAsked !== undefined && !(q.id in facts)) {
      facts[q.id] = q.notAsked;
      implied.push(q.id);
    }
  }
  const unanswered = asked.filter((id) => !(id in facts));
  return { facts, issues, unanswered, asked, implied };
}
