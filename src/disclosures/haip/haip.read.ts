import type { Kysely } from "kysely";
import type { Database, HaipReportsTable } from "../../db/schema.ts";
import type { Selectable } from "kysely";
import { notFound } from "../../platform/errors.ts";
import { readApprovals, userNames } from "../../workflow/approvals.service.ts";
import { fiscalYearOf } from "../../workflow/periods.ts";
import { readOrgCalendar } from "./haip.period.ts";
import type { Prefill } from "./haip.prefill.ts";
import type { HaipAnswerView, HaipReportView } from "./haip.schema.ts";
import { readStamps, type SourceKind } from "./haip.sources.ts";
import { HAIP_PATH_WORDS, HAIP_ROLE_WORDS, REPORT_STATUS_WORDS, SOURCE_WORDS } from "./haip.words.ts";
import { questionnaireOf, questionsFor } from "./questionnaire.ts";
import type { HaipPath, HaipRole } from "./questionnaire.schema.ts";

export type ReportRow = Selectable<HaipReportsTable>;
export type StoredPrefill = Prefill & { writtenAt: string };

export async function findReport(db: Kysely<Database>, orgId: string, id: string): Promise<ReportRow> {
  const row = await db.selectFrom("haip_reports").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The public address of a publication: the organisation's slug, the kind and its subject. */
export function publicPathOf(slug: string, kind: string, subject: string): string {
  return kind === "haip-report" ? `/public/${slug}/haip/${subject}` : `/public/${slug}/systems/${subject}`;
}

/**
 * A report as its editors see it: the questionnaire's sections and questions for its roles and
 * path, each with its answer, what the data said when it was drafted and whether those records have
 * changed since (one fingerprint statement per kind of record, however many answers), its approval
 * and its publications. A fixed number of statements whatever the report holds.
 */
export async function readReport(db: Kysely<Database>, orgId: string, id: string): Promise<HaipReportView> {
  const row = await findReport(db, orgId, id);
  const [q, answers, pubs, org, calendar] = await Promise.all([
    questionnaireOf(db, orgId, row.questionnaire_key, row.questionnaire_version),
    db.selectFrom("haip_answers").selectAll().where("org_id", "=", orgId).where("report_id", "=", id).execute(),
    db.selectFrom("publications").selectAll().where("org_id", "=", orgId).where("kind", "=", "haip-report").where("subject", "=", String(row.year)).orderBy("number", "desc").execute(),
    db.selectFrom("organizations").select("slug").where("id", "=", orgId).executeTakeFirstOrThrow(),
    readOrgCalendar(db, orgId),
  ]);
  const roles = JSON.parse(row.roles) as HaipRole[];
  const path = row.path as HaipPath;
  const asked = questionsFor(q, roles, path);
  const byQuestion = new Map(answers.map((a) => [a.question_id, a]));
  const prefills = new Map(answers.filter((a) => a.prefill).map((a) => [a.question_id, JSON.parse(a.prefill!) as StoredPrefill]));
  const kinds = [...new Set([...prefills.values()].flatMap((p) => p.sources.map((s) => s.kind)))] as SourceKind[];
  const stamps = await readStamps(db, orgId, kinds);
  const plan = row.approval_plan ? (JSON.parse(row.approval_plan) as string[][]) : null;
  const people = await userNames(db, orgId, [...new Set([...answers.map((a) => a.edited_by).filter((u): u is string => !!u), ...(plan?.flat() ?? [])])]);
  const approval = row.approval_id ? ((await readApprovals(db, orgId, [row.approval_id])).get(row.approval_id) ?? null) : null;

  let answered = 0;
  let stale = 0;
  const view = (questionId: string): HaipAnswerView => {
    const question = asked.find((x) => x.id === questionId)!;
    const a = byQuestion.get(questionId);
    const p = prefills.get(questionId);
    const sources = (p?.sources ?? []).map((s) => ({ kind: s.kind, label: SOURCE_WORDS[s.kind], count: s.count, records: s.records, changed: stamps.get(s.kind) !== s.stamp }));
    const isStale = sources.some((s) => s.changed);
    const answer = { ja: a?.text_ja ?? "", en: a?.text_en ?? "" };
    if (answer.ja.trim() || answer.en.trim()) answered++;
    if (p && isStale) stale++;
    return {
      questionId,
      text: question.text,
      guidance: question.guidance ?? null,
      wording: question.wording,
      writtenByPeople: question.writtenByPeople,
      canPrefill: question.prefill !== null && !question.writtenByPeople,
      answer,
      prefill: p ? { text: p.text, writtenAt: p.writtenAt, sources, stale: isStale } : null,
      asDrafted: !!p && a?.edited_by === null,
      editedBy: a?.edited_by ? { id: a.edited_by, displayName: people.get(a.edited_by) ?? a.edited_by } : null,
      editedAt: a?.edited_at ?? null,
      version: a?.version ?? 0,
    };
  };
  const sections = q.sections
    .map((s) => ({ id: s.id, title: s.title, titleOrigin: s.titleOrigin, writtenByPeople: s.writtenByPeople, answers: asked.filter((x) => x.section === s.id).map((x) => view(x.id)) }))
    .filter((s) => s.answers.length > 0);
  const period = fiscalYearOf(`${row.year}-${String(calendar.fyStart).padStart(2, "0")}-01`, calendar.fyStart);
  return {
    id: row.id,
    year: row.year,
    period: { start: period.start, end: period.end },
    questionnaire: { key: q.key, version: q.version, name: q.name, wording: q.wording, notes: q.notes },
    roles: roles.map((r) => ({ value: r, label: HAIP_ROLE_WORDS[r] })),
    path: { value: path, label: HAIP_PATH_WORDS[path] },
    status: { value: row.status as HaipReportView["status"]["value"], label: REPORT_STATUS_WORDS[row.status as keyof typeof REPORT_STATUS_WORDS] },
    sections,
    progress: { answered, total: asked.length, stale },
    approvalPlan: plan ? plan.map((stage) => stage.map((u) => ({ id: u, displayName: people.get(u) ?? u }))) : null,
    approval,
    publications: pubs.map((p) => ({ id: p.id, number: p.number, publishedAt: p.published_at, publishedBy: p.published_by ? (people.get(p.published_by) ?? null) : null, withdrawnAt: p.withdrawn_at, withdrawalReason: p.withdrawal_reason, publicPath: publicPathOf(org.slug, p.kind, p.subject) })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The organisation's reports, newest year first. */
export async function listReports(db: Kysely<Database>, orgId: string) {
  const [rows, calendar, published] = await Promise.all([
    db.selectFrom("haip_reports").select(["id", "year", "status", "updated_at"]).where("org_id", "=", orgId).orderBy("year", "desc").execute(),
    readOrgCalendar(db, orgId),
    db.selectFrom("publications").select("subject").where("org_id", "=", orgId).where("kind", "=", "haip-report").where("withdrawn_at", "is", null).execute(),
  ]);
  const live = new Set(published.map((p) => p.subject));
  return rows.map((r) => {
    const period = fiscalYearOf(`${r.year}-${String(calendar.fyStart).padStart(2, "0")}-01`, calendar.fyStart);
    return { id: r.id, year: r.year, period: { start: period.start, end: period.end }, status: { value: r.status as HaipReportView["status"]["value"], label: REPORT_STATUS_WORDS[r.status as keyof typeof REPORT_STATUS_WORDS] }, published: live.has(String(r.year)), updatedAt: r.updated_at };
  });
}
