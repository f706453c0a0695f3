import type { Answer, DecidedRating, QuestionnaireQuestion, Rating } from "../../api/vendors.ts";
import type { Tone } from "../../components/status-tones.ts";

/**
 * Gaps and the rating they suggest, by the rule of `suggestRating` in src/vendors/questionnaire.ts:
 * a `no` counts 1, a `partial` ½; two gaps or fewer suggest medium, more suggest high; a `no` to a
 * critical question suggests at least high, two of them critical; no gap at all suggests low.
 * Unanswered questions count as no gap, so the rating can be shown while the form is filled in.
 */
export function suggestRating(
  questions: readonly Pick<QuestionnaireQuestion, "id" | "critical">[],
  answers: Readonly<Record<string, { answer?: Answer | undefined } | undefined>>,
): { gaps: number; rating: DecidedRating } {
  let gaps = 0;
  let criticalNo = 0;
  for (const q of questions) {
    const a = answers[q.id]?.answer;
    if (a === "no") gaps += 1;
    if (a === "partial") gaps += 0.5;
    if (a === "no" && q.critical) criticalNo++;
  }
  const rating: DecidedRating = criticalNo >= 2 ? "critical" : criticalNo === 1 || gaps > 2 ? "high" : gaps > 0 ? "medium" : "low";
  return { gaps, rating };
}

/** How many questions have an answer. */
export function answeredCount(questions: readonly Pick<QuestionnaireQuestion, "id">[], answers: Readonly<Record<string, { answer?: Answer | undefined } | undefined>>): number {
  return questions.filter((q) => answers[q.id]?.answer !== undefined).length;
}

/** Questions grouped by topic, topics in first-seen order. */
export function groupByTopic<Q extends Pick<QuestionnaireQuestion, "topic">>(questions: readonly Q[]): { topic: string; questions: Q[] }[] {
  const groups = new Map<string, Q[]>();
  for (const q of questions) {
    const list = groups.get(q.topic);
    if (list) list.push(q);
    else groups.set(q.topic, [q]);
  }
  return [...groups].map(([topic, qs]) => ({ topic, questions: qs }));
}

/** A rating's colours: green to dark red, grey before any review. */
export const RATING_TONES: Record<Rating, Tone> = {
  unrated: { solid: "#94a3b8", soft: "#f1f5f9", text: "#334155" },
  low: { solid: "#16a34a", soft: "#dcfce7", text: "#14532d" },
  medium: { solid: "#eab308", soft: "#fef9c3", text: "#713f12" },
  high: { solid: "#ea580c", soft: "#ffedd5", text: "#7c2d12" },
  critical: { solid: "#b91c1c", soft: "#fee2e2", text: "#7f1d1d" },
};

/** "JP, us ,SG" → ["JP", "US", "SG"]: country codes as typed, upper-cased, without repeats. */
export function parseCountries(text: string): string[] {
  return [...new Set(text.split(/[\s,、，]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))];
}
