import { z } from "zod";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { HaipReportDocument } from "./haip.document.ts";
import { findReport, readReport } from "./haip.read.ts";

const words = z.object({ ja: z.string(), en: z.string() });
export const DIFF_CHANGES = ["added", "removed", "changed", "unchanged"] as const;

export const haipDiffView = z.object({
  year: z.number().int(),
  /** The report compared with: the latest publication of an earlier year, or none. */
  previous: z.object({ year: z.number().int(), number: z.number().int(), publishedAt: z.string() }).nullable(),
  /** True when the two reports were written against different questionnaires, so questions are matched by their ids only. */
  questionnaireChanged: z.boolean(),
  questions: z.array(z.object({ id: z.string(), section: words, text: words, change: z.enum(DIFF_CHANGES), before: words.nullable(), after: words.nullable() })),
  counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
});
export type HaipDiffView = z.infer<typeof haipDiffView>;

/**
 * The report as it stands against the last report the organisation published for an earlier
 * year — what a reader of both would want to know first: what is new, what was dropped, and which
 * answers say something different (in either language).
 */
export async function haipDiff(db: Kysely<Database>, orgId: string, id: string): Promise<HaipDiffView> {
  const row = await findReport(db, orgId, id);
  const [view, prev] = await Promise.all([
    readReport(db, orgId, id),
    db
      .selectFrom("publications")
      .select(["subject", "number", "published_at", "document"])
      .where("org_id", "=", orgId)
      .where("kind", "=", "haip-report")
      .where("subject", "<", String(row.year).padStart(4, "0"))
      .orderBy("subject", "desc")
      .orderBy("number", "desc")
      .limit(1)
      .executeTakeFirst(),
  ]);
  const before = prev ? HaipReportDocument.parse(JSON.parse(prev.document)) : null;
  const old = new Map(before?.sections.flatMap((s) => s.questions.map((q) => [q.id, { section: s.title, q }] as const)) ?? []);
  const seen = new Set<string>();
  const questions: HaipDiffView["questions"] = [];
  for (const s of view.sections) {
    for (const a of s.answers) {
      seen.add(a.questionId);
      const o = old.get(a.questionId);
      const change = !before ? "added" : !o ? "added" : o.q.answer.ja.trim() === a.answer.ja.trim() && o.q.answer.en.trim() === a.answer.en.trim() ? "unchanged" : "changed";
      questions.push({ id: a.questionId, section: s.title, text: a.text, change, before: o ? o.q.answer : null, after: a.answer });
    }
  }
  for (const [qid, o] of old) if (!seen.has(qid)) questions.push({ id: qid, section: o.section, text: o.q.text, change: "removed", before: o.q.answer, after: null });
  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const q of questions) counts[q.change]++;
  return {
    year: row.year,
    previous: prev ? { year: Number(prev.subject), number: prev.number, publishedAt: prev.published_at } : null,
    questionnaireChanged: !!before && (before.questionnaire.key !== view.questionnaire.key || before.questionnaire.version !== view.questionnaire.version),
    questions,
    counts,
  };
}
