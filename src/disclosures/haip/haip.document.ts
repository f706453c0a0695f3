import { z } from "zod";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { HAIP_PATHS, HAIP_ROLES } from "./questionnaire.schema.ts";
import { SOURCE_KINDS } from "./haip.sources.ts";
import { readOrgCalendar } from "./haip.period.ts";
import type { HaipReportView } from "./haip.schema.ts";
import { questionnaireOf } from "./questionnaire.ts";

const words = z.strictObject({ ja: z.string(), en: z.string() });
const origin = z.enum(["source", "musubi"]);

/**
 * The HAIP transparency report as a document (`musubi-haip-report/1`): what is approved, published,
 * exported and sent to an authority. Data first: every question keeps its wording's origin, every
 * answer says whether it was drafted from Musubi's data and from which records (by business code
 * and title, never an internal id). Schema published as library/schema/haip-report.schema.json.
 */
export const HaipReportDocument = z.strictObject({
  format: z.literal("musubi-haip-report/1"),
  generatedAt: z.string(),
  organisation: z.strictObject({ name: words, timeZone: z.string() }),
  year: z.number().int(),
  period: z.strictObject({ start: z.string(), end: z.string() }),
  framework: z.strictObject({ id: z.string(), version: z.string() }),
  questionnaire: z.strictObject({ key: z.string(), version: z.string(), name: words, wording: z.enum(["musubi", "official"]), source: z.strictObject({ title: words, publisher: z.string(), reference: z.string().nullable(), licence: z.string() }), notes: z.array(words) }),
  roles: z.array(z.strictObject({ value: z.enum(HAIP_ROLES), label: words })),
  path: z.strictObject({ value: z.enum(HAIP_PATHS), label: words }),
  sections: z.array(
    z.strictObject({
      id: z.string(),
      title: words,
      titleOrigin: z.strictObject({ ja: origin, en: origin }),
      writtenByPeople: z.boolean(),
      questions: z.array(
        z.strictObject({
          id: z.string(),
          text: words,
          wording: z.enum(["musubi", "official"]),
          answer: words,
          /** How the answer came about: drafted from data (and edited or not), or written by people. */
          basis: z.strictObject({
            draftedFromData: z.boolean(),
            editedByPeople: z.boolean(),
            sources: z.array(z.strictObject({ kind: z.enum(SOURCE_KINDS), label: words, count: z.number().int(), records: z.array(z.strictObject({ code: z.string().nullable(), title: words })) })),
          }),
        }),
      ),
    }),
  ),
  /** The 稟議 that approved it: when each stage decided. No names: the document may be published. */
  approval: z.strictObject({ decidedAt: z.string().nullable(), stages: z.array(z.strictObject({ stage: z.number().int(), approvers: z.number().int(), decidedAt: z.string().nullable() })) }).nullable(),
  publication: z.strictObject({ number: z.number().int(), publishedAt: z.string() }).nullable(),
});
export type HaipReportDocument = z.infer<typeof HaipReportDocument>;

/** The report's document as it stands (a draft export, or the snapshot frozen at publication). */
export async function buildHaipDocument(db: Kysely<Database>, orgId: string, view: HaipReportView, publication: { number: number; publishedAt: string } | null, now = new Date()): Promise<HaipReportDocument> {
  const [org, calendar] = await Promise.all([db.selectFrom("organizations").select(["name_ja", "name_en"]).where("id", "=", orgId).executeTakeFirstOrThrow(), readOrgCalendar(db, orgId, now)]);
  const q = await questionnaireOf(db, orgId, view.questionnaire.key, view.questionnaire.version);
  const approval = view.approval && view.approval.status === "approved" ? view.approval : null;
  return HaipReportDocument.parse({
    format: "musubi-haip-report/1",
    generatedAt: now.toISOString(),
    organisation: { name: { ja: org.name_ja, en: org.name_en }, timeZone: calendar.timeZone },
    year: view.year,
    period: view.period,
    framework: q.framework,
    questionnaire: { key: q.key, version: q.version, name: q.name, wording: q.wording, source: { title: q.source.title, publisher: q.source.publisher, reference: q.source.reference ?? null, licence: q.source.licence }, notes: q.notes },
    roles: view.roles,
    path: view.path,
    sections: view.sections.map((s) => ({
      id: s.id,
      title: s.title,
      titleOrigin: s.titleOrigin,
      writtenByPeople: s.writtenByPeople,
      questions: s.answers.map((a) => ({
        id: a.questionId,
        text: a.text,
        wording: a.wording,
        answer: a.answer,
        basis: {
          draftedFromData: a.prefill !== null,
          editedByPeople: a.editedBy !== null,
          sources: (a.prefill?.sources ?? []).map((src) => ({ kind: src.kind, label: src.label, count: src.count, records: src.records.map((r) => ({ code: r.code, title: r.title })) })),
        },
      })),
    })),
    approval: approval ? { decidedAt: approval.decidedAt, stages: stagesOf(approval.steps) } : null,
    publication,
  });
}

/** Each stage of an approval with how many approved in it and when the last of them decided. */
function stagesOf(steps: NonNullable<HaipReportView["approval"]>["steps"]) {
  const byStage = new Map<number, { approvers: number; decidedAt: string | null }>();
  for (const st of steps) {
    const s = byStage.get(st.stage) ?? { approvers: 0, decidedAt: null };
    s.approvers++;
    if (st.decidedAt && (!s.decidedAt || st.decidedAt > s.decidedAt)) s.decidedAt = st.decidedAt;
    byStage.set(st.stage, s);
  }
  return [...byStage].sort((a, b) => a[0] - b[0]).map(([stage, s]) => ({ stage, ...s }));
}
