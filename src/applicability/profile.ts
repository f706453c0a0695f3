import type { Locale } from "../platform/i18n.ts";
import type { Library } from "../library/library.model.ts";
import type { Facts } from "./evaluate.ts";

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

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/**
 * Checks answers against the library's profile questions: unknown facts, wrong types, options that
 * do not exist and answers that contradict each other are refused, each naming its field. Missing
 * answers are not errors; they are listed so the rules that need them report "undetermined".
 */
export function checkProfile(library: Library, input: Record<string, unknown>, locale: Locale): CheckedProfile {
  const { questions, askIf, constraints } = library.compiled;
  const issues: ProfileIssue[] = [];
  const facts: Facts = {};
  const issue = (fact: string, code: ProfileIssue["code"], message: string) => issues.push({ field: `facts.${fact}`, code, message });

  for (const [id, value] of Object.entries(input)) {
    const q = questions.get(id);
    if (!q) {
      issue(id, "unknown_fact", MESSAGES.unknown_fact[locale](id));
      continue;
    }
    const wrongType = () => issue(id, "wrong_type", MESSAGES.wrong_type[locale](TYPE_NAMES[q.type][locale]));
    const options = new Set(q.options?.map((o) => o.value));
    switch (q.type) {
      case "boolean":
        if (typeof value !== "boolean") wrongType();
        else facts[id] = value;
        break;
      case "enum":
        if (typeof value !== "string") wrongType();
        else if (!options.has(value)) issue(id, "unknown_option", MESSAGES.unknown_option[locale](value));
        else facts[id] = value;
        break;
      case "multi": {
        if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
          wrongType();
          break;
        }
        const list = value as string[];
        const bad = list.find((v) => !options.has(v));
        const dup = list.find((v, i) => list.indexOf(v) !== i);
        if (bad !== undefined) issue(id, "unknown_option", MESSAGES.unknown_option[locale](bad));
        else if (dup !== undefined) issue(id, "duplicate_option", MESSAGES.duplicate_option[locale](dup));
        else facts[id] = list;
        break;
      }
      case "date":
        if (typeof value !== "string") wrongType();
        else if (!isRealDate(value)) issue(id, "bad_date", MESSAGES.bad_date[locale]());
        else facts[id] = value;
        break;
      case "text":
        if (typeof value !== "string") wrongType();
        else if (value.length > 2000) issue(id, "too_long", MESSAGES.too_long[locale]());
        else facts[id] = value;
        break;
    }
  }
  if (issues.length) return { facts, issues, unanswered: [], asked: [], implied: [] };

  for (const c of constraints) {
    try {
      if (c.expr.evaluate(facts) === true) {
        const message = c.message[locale] ?? c.message.en ?? c.message.ja!;
        for (const field of c.fields) issues.push({ field: `facts.${field}`, code: "contradiction", message });
      }
    } catch (err) {
      // A constraint over facts that are not answered cannot be violated yet; anything else is a
      // defect in the library and must be visible rather than passing silently.
      if (!String((err as Error).message).startsWith("Unknown variable")) {
        issues.push({ field: `facts.${c.fields[0]}`, code: "constraint_error", message: `constraint ${c.id}: ${(err as Error).message.split("\n")[0]}` });
      }
    }
  }

  // Questions are in dependency order, so one pass settles each askIf before later questions read it.
  const asked: string[] = [];
  const implied: string[] = [];
  for (const q of questions.values()) {
    const cond = askIf.get(q.id);
    let holds: boolean | undefined;
    try {
      holds = !cond || cond.evaluate(facts) === true;
    } catch {
      // The condition depends on an unanswered fact: ask that one first; nothing is implied yet.
    }
    if (holds) asked.push(q.id);
    else if (holds === false && q.notAsked !== undefined && !(q.id in facts)) {
      facts[q.id] = q.notAsked;
      implied.push(q.id);
    }
  }
  const unanswered = asked.filter((id) => !(id in facts));
  return { facts, issues, unanswered, asked, implied };
}
