import type { Answer, DecidedRating, QuestionnaireQuestion, Rating, VendorStatus } from "../../api/vendors.ts";
import type { Tone } from "../../components/status-tones.ts";

/**
 * What the answers so far suggest, by the rule of `suggestRating` in src/vendors/questionnaire.ts:
 * a `no` counts 1, a `partial` ½; no gap suggests low, two gaps or fewer medium, more high; a `no`
 * to a critical question suggests at least high, two of them critical. No rating is suggested until
 * every question is answered (an unanswered one may yet be a critical `no`): `rating` is null and
 * the form shows how many are answered instead.
 */
export function suggestRating(
  questions: readonly Pick<QuestionnaireQuestion, "id" | "critical">[],
  answers: Readonly<Record<string, { answer?: Answer | undefined } | undefined>>,
): { answered: number; total: number; gaps: number; rating: DecidedRating | null } {
  let gaps = 0;
  let criticalNo = 0;
  let answered = 0;
  for (const q of questions) {
    const a = answers[q.id]?.answer;
    if (a !== undefined) answered++;
    if (a === "no") gaps += 1;
    if (a === "partial") gaps += 0.5;
    if (a === "no" && q.critical) criticalNo++;
  }
  const total = questions.length;
  if (total === 0 || answered < total) return { answered, total, gaps, rating: null };
  const rating: DecidedRating = criticalNo >= 2 ? "critical" : criticalNo === 1 || gaps > 2 ? "high" : gaps > 0 ? "medium" : "low";
  return { answered, total, gaps, rating };
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

/**
 * Whether setting a vendor to `nextStatus` with a review puts it into use although the review rates
 * it high or critical: allowed (the reviewer may accept the risk) but never unnoticed, so the form
 * says so before the review is recorded.
 */
export function approvesDespiteRating(nextStatus: VendorStatus, rating: DecidedRating): boolean {
  return nextStatus === "active" && (rating === "high" || rating === "critical");
}
