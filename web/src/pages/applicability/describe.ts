import type { Locale, ProfileQuestionView, RuleExplanationView } from "../../api/types.ts";
import type { MessageKey } from "../../i18n/en.ts";
import { plainText } from "../../i18n/text.ts";

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A fact's value as a person reads it: はい / いいえ, option labels, dates and text as given. */
export function describeValue(question: ProfileQuestionView | undefined, value: unknown, lang: Locale, t: T): string {
  const optionLabel = (v: string) => plainText(question?.options?.find((o) => o.value === v)?.label, lang) || v;
  if (typeof value === "boolean") return t(value ? "applicability.yes" : "applicability.no");
  if (Array.isArray(value)) return value.length === 0 ? t("applicability.noneOfThese") : value.map((v) => optionLabel(String(v))).join(t("applicability.listSeparator"));
  if (typeof value === "string") return optionLabel(value);
  if (value === null || value === undefined) return t("applicability.unanswered");
  return JSON.stringify(value);
}

/** Every question the undetermined rules are waiting for, with the rules that wait for it, most needed first. */
export function missingAnswers(explanations: RuleExplanationView[]): { fact: string; rules: RuleExplanationView[] }[] {
  const byFact = new Map<string, RuleExplanationView[]>();
  for (const e of explanations) {
    if (e.outcome !== "undetermined") continue;
    for (const fact of e.missing ?? []) {
      const list = byFact.get(fact) ?? [];
      list.push(e);
      byFact.set(fact, list);
    }
  }
  // The answers that settle the most rules first.
  return [...byFact].map(([fact, rules]) => ({ fact, rules })).sort((a, b) => b.rules.length - a.rules.length);
}

/** Moves focus to a question of the form (missing answers link to it). */
export function focusQuestion(id: string): void {
  const el = document.getElementById(`q-${id}`);
  if (!el) return;
  el.scrollIntoView({ behavior: "smooth", block: "center" });
  el.focus({ preventScroll: true });
}
