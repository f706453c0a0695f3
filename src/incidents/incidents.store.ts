import type { Kysely, Transaction } from "kysely";
import type { Database, Incident } from "../db/schema.ts";
import { notFound } from "../platform/errors.ts";
import { userNames } from "../workflow/approvals.service.ts";
import { resolveSubjects } from "../workflow/subjects.ts";
import { presentTasks } from "../workflow/tasks.store.ts";
import type { IncidentView } from "./incidents.schema.ts";
import { readCustom } from "../fields/fields.values.ts";

type Q = Kysely<Database> | Transaction<Database>;
type Summary = Omit<IncidentView, "actions" | "timeline">;

export async function getIncidentRow(db: Q, orgId: string, id: string): Promise<Incident> {
  const row = await db.selectFrom("incidents").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function linksOf(db: Q, orgId: string, incidentIds: readonly string[]) {
  if (incidentIds.length === 0) return [];
  return db.selectFrom("incident_links").select(["incident_id", "target_type", "target_id"]).where("org_id", "=", orgId).where("incident_id", "in", [...incidentIds]).execute();
}

/** Whether a leak (or a possible one) calls for checking APPI Art. 26's duty to report to the PPC. */
export const appiReportCheck = (r: Pick<Incident, "personal_data">) => r.personal_data !== "no";

export async function presentIncidentSummaries(db: Q, orgId: string, rows: Incident[]): Promise<Summary[]> {
  if (rows.length === 0) return [];
  const links = await linksOf(db, orgId, rows.map((r) => r.id));
  const [subjects, names] = await Promise.all([
    resolveSubjects(db, orgId, links.map((l) => ({ type: l.target_type, id: l.target_id }))),
    userNames(db, orgId, rows.map((r) => r.owner_id).filter((u): u is string => !!u)),
  ]);
  const linked = (incidentId: string, type: string) =>
    links
      .filter((l) => l.incident_id === incidentId && l.target_type === type)
      .map((l) => subjects.get(`${type}:${l.target_id}`))
      .filter((s) => s !== undefined)
      .map((s) => ({ id: s.id, code: s.code ?? "", titleJa: s.titleJa ?? "", titleEn: s.titleEn ?? "" }))
      .sort((a, b) => a.code.localeCompare(b.code));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    summary: r.summary,
    status: r.status as Summary["status"],
    severity: r.severity as Summary["severity"],
    occurredAt: r.occurred_at,
    occurredOn: r.occurred_on,
    detectedAt: r.detected_at,
    source: r.source,
    externalKey: r.external_key,
    reportedBy: r.reported_by,
    owner: r.owner_id ? { id: r.owner_id, displayName: names.get(r.owner_id) ?? r.owner_id } : null,
    harmLevel: r.harm_level as Summary["harmLevel"],
    harmTypes: JSON.parse(r.harm_types),
    harmBasis: JSON.parse(r.harm_basis),
    categories: JSON.parse(r.categories),
    rights: JSON.parse(r.rights),
    affectedParties: r.affected_parties,
    peopleAffected: r.people_affected,
    livesLost: r.lives_lost,
    injuries: r.injuries,
    personalData: r.personal_data as Summary["personalData"],
    dataSubjects: r.data_subjects,
    sensitiveData: r.sensitive_data as Summary["sensitiveData"],
    appiReportCheck: appiReportCheck(r),
    rootCause: r.root_cause,
    systems: linked(r.id, "system"),
    risks: linked(r.id, "risk"),
    controls: linked(r.id, "control"),
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    custom: readCustom(r.custom),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }));
}

/** The whole incident: its summary, corrective and preventive actions, and timeline. */
export async function presentIncident(db: Q, orgId: string, row: Incident, today: string): Promise<IncidentView> {
  const [summary] = await presentIncidentSummaries(db, orgId, [row]);
  const [tasks, timeline] = await Promise.all([
    db.selectFrom("tasks").selectAll().where("org_id", "=", orgId).where("subject_type", "=", "incident").where("subject_id", "=", row.id).orderBy("created_at").orderBy("id").execute(),
    db.selectFrom("incident_timeline").selectAll().where("org_id", "=", orgId).where("incident_id", "=", row.id).orderBy("at").orderBy("created_at").orderBy("id").execute(),
  ]);
  const names = await userNames(db, orgId, timeline.map((t) => t.author_id).filter((u): u is string => !!u));
  return {
    ...summary!,
    actions: await presentTasks(db, orgId, tasks, today),
    timeline: timeline.map((t) => ({ id: t.id, at: t.at, kind: t.kind, body: t.body, author: t.author_id ? { id: t.author_id, displayName: names.get(t.author_id) ?? t.author_id } : null, createdAt: t.created_at })),
  };
}
