import { foldForSearch, matchesSearch } from "../platform/search-fold.ts";
import { allCandidates, indexedCandidates } from "../search/search.index.ts";
import { sql, type Kysely, type Transaction } from "kysely";
import { audited, type ChangeContext, type RecordChange } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database, Incident } from "../db/schema.ts";
import { notify } from "../notify/notify.ts";
import type { Actor } from "../platform/authz.ts";
import { AppError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import type { Page } from "../platform/pagination.ts";
import { nextFreeCode } from "../platform/sequence.ts";
import { addDays, nowIso } from "../platform/time.ts";
import { taxonomyIds } from "../risks/taxonomy.ts";
import { resolveSubjects } from "../workflow/subjects.ts";
import { createTask, insertTask } from "../workflow/tasks.service.ts";
import type { CreateIncidentInput, IncidentView, ListIncidentsQuery, UpdateIncidentInput } from "./incidents.schema.ts";
import type { INCIDENT_STATUSES } from "./vocabulary.ts";
import { applyCustom, customFilter, customSearchWords, indexNewRecord, readCustom, reindexCustom } from "../fields/fields.values.ts";

type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
import { assertCanWorkIncident } from "./incidents.policy.ts";
import { getIncidentRow, presentIncident, presentIncidentSummaries } from "./incidents.store.ts";
import { fieldText } from "../platform/http/field-messages.ts";

type Q = Kysely<Database> | Transaction<Database>;
type Problem = { field: string; message: string };
export type LinkType = "system" | "risk" | "control";
const LINKS: [LinkType, "systemIds" | "riskIds" | "controlIds"][] = [["system", "systemIds"], ["risk", "riskIds"], ["control", "controlIds"]];

/** Days a risk re-review, prompted by closing an incident, is given. */
export const REREVIEW_DAYS = 30;

export function searchTextOf(r: Pick<Incident, "code" | "title" | "summary" | "root_cause" | "affected_parties">): string {
  return foldForSearch([r.code, r.title, r.summary, r.root_cause, r.affected_parties].join("\n"));
}

/** Checks categories, owner and linked records; every problem is reported at once. */
async function checkRefs(trx: Transaction<Database>, orgId: string, input: Partial<Pick<CreateIncidentInput, "categories" | "ownerId" | "systemIds" | "riskIds" | "controlIds">>): Promise<void> {
  const problems: Problem[] = [];
  const ids = taxonomyIds();
  (input.categories ?? []).forEach((c, i) => {
    if (!ids.has(c)) problems.push({ field: `body.categories.${i}`, message: fieldText("no_such_category") });
  });
  if (input.ownerId) {
    const u = await trx.selectFrom("users").select("id").where("org_id", "=", orgId).where("id", "=", input.ownerId).where("status", "=", "active").executeTakeFirst();
    if (!u) problems.push({ field: "body.ownerId", message: fieldText("no_such_user") });
  }
  const refs = LINKS.flatMap(([type, key]) => (input[key] ?? []).map((id, i) => ({ type, id, field: `body.${key}.${i}` })));
  const found = await resolveSubjects(trx, orgId, refs);
  for (const r of refs) if (!found.has(`${r.type}:${r.id}`)) problems.push({ field: r.field, message: fieldText(r.type === "system" ? "no_such_system" : "no_such_record") });
  if (problems.length) throw new AppError(400, "validation_failed", problems);
}

async function setLinks(trx: Transaction<Database>, orgId: string, incidentId: string, type: LinkType, ids: readonly string[]) {
  await trx.deleteFrom("incident_links").where("org_id", "=", orgId).where("incident_id", "=", incidentId).where("target_type", "=", type).execute();
  const unique = [...new Set(ids)];
  if (unique.length) await trx.insertInto("incident_links").values(unique.map((target_id) => ({ org_id: orgId, incident_id: incidentId, target_type: type, target_id }))).execute();
}

export async function addTimeline(trx: Q, orgId: string, incidentId: string, kind: string, body: string, authorId: string | null, at = nowIso()): Promise<void> {
  await trx.insertInto("incident_timeline").values({ id: newId("itl"), org_id: orgId, incident_id: incidentId, at, kind, body, author_id: authorId, created_at: nowIso() }).execute();
}

const snapshot = (r: Incident) => ({
  code: r.code,
  title: r.title,
  status: r.status,
  severity: r.severity,
  occurredAt: r.occurred_at,
  detectedAt: r.detected_at,
  ownerId: r.owner_id,
  harmLevel: r.harm_level,
  harmTypes: JSON.parse(r.harm_types),
  categories: JSON.parse(r.categories),
  rights: JSON.parse(r.rights),
  personalData: r.personal_data,
  dataSubjects: r.data_subjects,
  sensitiveData: r.sensitive_data,
  rootCause: r.root_cause,
  custom: readCustom(r.custom),
});

/** The people to tell about a new incident: its owner and the organisation's governance leads. */
async function watchers(trx: Q, orgId: string, ownerId: string | null): Promise<string[]> {
  const leads = await trx.selectFrom("users").select("id").where("org_id", "=", orgId).where("status", "=", "active").where("role", "=", "governance_lead").execute();
  return [ownerId, ...leads.map((l) => l.id)].filter((u): u is string => !!u);
}

/**
 * Files an incident inside the caller's transaction (the API, the intake webhook and imports share
 * it): numbered, linked, first timeline entry written, recorded, and announced as `incident.filed`
 * — unless `quiet`, when the caller announces the whole batch once ({@link announceBulkFiling}).
 */
export async function fileIncident(trx: Transaction<Database>, record: RecordChange, orgId: string, input: CreateIncidentInput, meta: { source: string; externalKey?: string | null; reportedBy: string | null; authorId: string | null; quiet?: boolean; status?: IncidentStatus; occurredOn?: string | null }): Promise<Incident> {
  await checkRefs(trx, orgId, input);
  const now = nowIso();
  const row: Incident = {
    id: newId("inc"),
    org_id: orgId,
    code: await nextFreeCode(trx, orgId, "incident_code", "INC", async (c) => !!(await trx.selectFrom("incidents").select("id").where("org_id", "=", orgId).where("code", "=", c).executeTakeFirst())),
    title: input.title,
    summary: input.summary,
    // An import brings incidents in the state its register records; everything else starts open.
    status: meta.status ?? "open",
    severity: input.severity,
    occurred_at: input.occurredAt,
    occurred_on: meta.occurredOn ?? null,
    detected_at: input.detectedAt ?? now,
    source: meta.source,
    external_key: meta.externalKey ?? null,
    reported_by: meta.reportedBy,
    owner_id: input.ownerId,
    harm_level: input.harmLevel,
    harm_types: JSON.stringify([...new Set(input.harmTypes)]),
    harm_basis: JSON.stringify([...new Set(input.harmBasis)]),
    categories: JSON.stringify([...new Set(input.categories)]),
    rights: JSON.stringify([...new Set(input.rights)]),
    affected_parties: input.affectedParties,
    people_affected: input.peopleAffected,
    lives_lost: input.livesLost,
    injuries: input.injuries,
    personal_data: input.personalData,
    data_subjects: input.dataSubjects,
    sensitive_data: input.sensitiveData,
    root_cause: input.rootCause,
    search_text: "",
    custom: "{}",
    closed_at: meta.status === "closed" ? now : null,
    closed_by: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  const custom = await applyCustom(trx, orgId, "incident", input.custom);
  row.custom = JSON.stringify(custom);
  row.search_text = searchTextOf(row) + (await customSearchWords(trx, orgId, "incident", custom));
  await trx.insertInto("incidents").values(row).execute();
  await indexNewRecord(trx, orgId, "incident", row.id, custom);
  for (const [type, key] of LINKS) await setLinks(trx, orgId, row.id, type, input[key]);
  // Filed is when it was recorded here; detection has its own field (the report says both).
  await addTimeline(trx, orgId, row.id, "filed", row.title, meta.authorId, now);
  record({ action: "incident.filed", entityType: "incident", entityId: row.id, after: { ...snapshot(row), source: row.source, systemIds: input.systemIds, riskIds: input.riskIds, controlIds: input.controlIds } });
  if (meta.quiet) return row;
  await notify(trx, orgId, {
    event: "incident.filed",
    users: await watchers(trx, orgId, row.owner_id),
    subject: { type: "incident", id: row.id },
    title: { ja: `インシデント登録: ${row.code} ${row.title}`, en: `Incident filed: ${row.code} ${row.title}` },
    data: { incidentId: row.id, severity: row.severity, personalData: row.personal_data },
  });
  return row;
}

/**
 * The one notice of a bulk intake in quiet mode: the governance leads hear once how many incidents
 * arrived from where (and the first codes), instead of once per incident.
 */
export async function announceBulkFiling(trx: Transaction<Database>, orgId: string, source: string, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await notify(trx, orgId, {
    event: "incident.imported",
    users: await watchers(trx, orgId, null),
    title: { ja: `インシデント${codes.length}件を登録: ${source}`, en: `${codes.length} incidents filed from ${source}` },
    data: { count: codes.length, source, codes: codes.slice(0, 50) },
  });
}

export async function createIncident(db: Db, actor: Actor, who: ChangeContext, input: CreateIncidentInput, source: "web" | "api", today: string): Promise<IncidentView> {
  const row = await audited(db, who, (trx, record) => fileIncident(trx, record, who.orgId, input, { source, reportedBy: actor.label, authorId: actor.userId }));
  return readIncident(db.kysely, who.orgId, row.id, today);
}

export async function readIncident(db: Q, orgId: string, id: string, today: string): Promise<IncidentView> {
  return presentIncident(db, orgId, await getIncidentRow(db, orgId, id), today);
}

export async function updateIncident(db: Db, actor: Actor, who: ChangeContext, id: string, input: UpdateIncidentInput, today: string): Promise<IncidentView> {
  await audited(db, who, async (trx, record) => {
    const before = await getIncidentRow(trx, who.orgId, id);
    if (before.version !== input.version) throw new AppError(409, "conflict", { current: await readIncident(trx, who.orgId, id, today) });
    assertCanWorkIncident(actor, before);
    if (before.status === "closed") throw new AppError(409, "already_decided", { status: "closed" });
    await checkRefs(trx, who.orgId, input);
    const j = (v: unknown[] | undefined, old: string) => (v === undefined ? old : JSON.stringify([...new Set(v)]));
    const p = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
    const next: Incident = {
      ...before,
      title: p(input.title, before.title),
      summary: p(input.summary, before.summary),
      status: p(input.status, before.status),
      severity: p(input.severity, before.severity),
      occurred_at: p(input.occurredAt, before.occurred_at),
      detected_at: p(input.detectedAt, before.detected_at),
      owner_id: p(input.ownerId, before.owner_id),
      harm_level: p(input.harmLevel, before.harm_level),
      harm_types: j(input.harmTypes, before.harm_types),
      harm_basis: j(input.harmBasis, before.harm_basis),
      categories: j(input.categories, before.categories),
      rights: j(input.rights, before.rights),
      affected_parties: p(input.affectedParties, before.affected_parties),
      people_affected: p(input.peopleAffected, before.people_affected),
      lives_lost: p(input.livesLost, before.lives_lost),
      injuries: p(input.injuries, before.injuries),
      personal_data: p(input.personalData, before.personal_data),
      data_subjects: p(input.dataSubjects, before.data_subjects),
      sensitive_data: p(input.sensitiveData, before.sensitive_data),
      root_cause: p(input.rootCause, before.root_cause),
      custom: input.custom ? JSON.stringify(await applyCustom(trx, who.orgId, "incident", input.custom, readCustom(before.custom))) : before.custom,
      updated_at: nowIso(),
      version: before.version + 1,
    };
    next.search_text = searchTextOf(next) + (await customSearchWords(trx, who.orgId, "incident", readCustom(next.custom)));
    await trx.updateTable("incidents").set(next).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    if (input.custom) await reindexCustom(trx, who.orgId, "incident", [{ id, custom: readCustom(next.custom) }]);
    for (const [type, key] of LINKS) if (input[key]) await setLinks(trx, who.orgId, id, type, input[key]);
    if (next.status !== before.status) await addTimeline(trx, who.orgId, id, "status", `${before.status} → ${next.status}`, actor.userId);
    if (next.root_cause !== before.root_cause && next.root_cause) await addTimeline(trx, who.orgId, id, "root_cause", next.root_cause, actor.userId);
    record({ action: "incident.updated", entityType: "incident", entityId: id, before: snapshot(before), after: { ...snapshot(next), ...Object.fromEntries(LINKS.filter(([, k]) => input[k]).map(([, k]) => [k, input[k]])) } });
  });
  return readIncident(db.kysely, who.orgId, id, today);
}

/**
 * Closes an incident — the "Act" step. Every corrective and preventive action must be done (or
 * cancelled); closing then asks each linked risk's owner to re-review it, as a task due in
 * {@link REREVIEW_DAYS} days, so what the incident taught reaches the register.
 */
export async function closeIncident(db: Db, actor: Actor, who: ChangeContext, id: string, input: { version: number; note: string }, today: string): Promise<IncidentView> {
  await audited(db, who, async (trx, record) => {
    const before = await getIncidentRow(trx, who.orgId, id);
    if (before.version !== input.version) throw new AppError(409, "conflict", { current: await readIncident(trx, who.orgId, id, today) });
    assertCanWorkIncident(actor, before);
    if (before.status === "closed") throw new AppError(409, "already_decided", { status: "closed" });
    const open = await trx.selectFrom("tasks").select(["id", "code", "status"]).where("org_id", "=", who.orgId).where("subject_type", "=", "incident").where("subject_id", "=", id).where("active", "=", 1).execute();
    if (open.length) throw new AppError(409, "actions_open", { actions: open });
    const now = nowIso();
    await trx.updateTable("incidents").set({ status: "closed", closed_at: now, closed_by: actor.userId, updated_at: now, version: before.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    await addTimeline(trx, who.orgId, id, "closed", input.note, actor.userId);
    record({ action: "incident.closed", entityType: "incident", entityId: id, before: { status: before.status }, after: { status: "closed", note: input.note } });
    const risks = await trx
      .selectFrom("incident_links as l")
      .innerJoin("risks as r", (j) => j.onRef("r.id", "=", "l.target_id").on("r.org_id", "=", who.orgId))
      .leftJoin("users as u", (j) => j.onRef("u.id", "=", "r.owner_id").on("u.org_id", "=", who.orgId))
      .select(["r.id", "r.code", "r.title_ja", "r.title_en", "r.owner_id", "u.locale"])
      .where("l.org_id", "=", who.orgId)
      .where("l.incident_id", "=", id)
      .where("l.target_type", "=", "risk")
      .execute();
    for (const r of risks) {
      await insertTask(trx, record, who.orgId, {
        kind: "review",
        // A task has one title: written in the language of whoever is asked to do it.
        title: r.locale === "en" ? `${r.code} ${r.title_en || r.title_ja} — re-review after ${before.code}` : `${r.code} ${r.title_ja} — ${before.code} を受けた再評価`,
        description: input.note,
        subjectType: "risk",
        subjectId: r.id,
        assigneeId: r.owner_id ?? before.owner_id,
        dueOn: addDays(today, REREVIEW_DAYS),
        createdBy: actor.userId,
      });
    }
  });
  return readIncident(db.kysely, who.orgId, id, today);
}

const SORTS = { detectedAt: "detected_at", code: "code", updatedAt: "updated_at" } as const;

export async function listIncidents(db: Q, orgId: string, q: ListIncidentsQuery): Promise<Page<Omit<IncidentView, "actions" | "timeline">>> {
  let base = db.selectFrom("incidents").where("org_id", "=", orgId);
  if (q.status) base = base.where("status", "=", q.status);
  if (q.severity) base = base.where("severity", "=", q.severity);
  if (q.personalData) base = base.where("personal_data", "=", q.personalData);
  if (q.category) base = base.where("categories", "like", `%${JSON.stringify(q.category)}%`);
  if (q.systemId) {
    const sys = q.systemId;
    base = base.where((eb) => eb.exists(eb.selectFrom("incident_links as l").select("l.incident_id").whereRef("l.incident_id", "=", "incidents.id").where("l.org_id", "=", orgId).where("l.target_type", "=", "system").where("l.target_id", "=", sys)));
  }
  if (q.q) {
    // The text index's candidates, when it has few enough (migrations 0027, 0029); `LIKE` decides.
    // The register counts exactly, so some of the candidates only (`partial`) will not do.
    const indexed = await indexedCandidates(db, orgId, "incident", "incidents.id", q.q);
    const candidates = indexed?.partial ? await allCandidates(db, orgId, "incident", "incidents.id", q.q) : indexed?.where;
    if (candidates) base = base.where(candidates);
    base = base.where(matchesSearch("search_text", q.q));
  }
  const custom = await customFilter(db, orgId, "incident", "incidents.id", q.customField, q.customValue);
  if (custom) base = base.where(custom);
  const desc = q.sort.startsWith("-");
  const field = desc ? q.sort.slice(1) : q.sort;
  const dir = desc ? "desc" : "asc";
  const ordered =
    field === "severity"
      ? base.orderBy((eb) => eb.case().when("severity", "=", "critical").then(4).when("severity", "=", "high").then(3).when("severity", "=", "medium").then(2).else(1).end(), dir)
      : base.orderBy(SORTS[field as keyof typeof SORTS], dir);
  const [rows, count] = await Promise.all([
    ordered.selectAll().orderBy("id").limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: await presentIncidentSummaries(db, orgId, rows), total: Number(count.n), limit: q.limit, offset: q.offset };
}

/** Adds a dated entry to the incident's timeline (what was learnt or done, and when). */
export async function addTimelineEntry(db: Db, actor: Actor, who: ChangeContext, id: string, input: { at?: string | undefined; body: string }, today: string): Promise<IncidentView> {
  await audited(db, who, async (trx, record) => {
    const row = await getIncidentRow(trx, who.orgId, id);
    assertCanWorkIncident(actor, row);
    await addTimeline(trx, who.orgId, id, "note", input.body, actor.userId, input.at ?? nowIso());
    record({ action: "incident.timeline_added", entityType: "incident", entityId: id, after: { at: input.at ?? null, body: input.body } });
  });
  return readIncident(db.kysely, who.orgId, id, today);
}

/** Opens a corrective or preventive action (CAPA) on the incident, as a task of the workflow. */
export async function addAction(db: Db, actor: Actor, who: ChangeContext, id: string, input: { kind: "corrective" | "preventive"; title: string; description: string; assigneeId: string | null; dueOn: string | null; approvalPlan: string[][] | null }, today: string): Promise<IncidentView> {
  const row = await getIncidentRow(db.kysely, who.orgId, id);
  assertCanWorkIncident(actor, row);
  if (row.status === "closed") throw new AppError(409, "already_decided", { status: "closed" });
  await createTask(db, actor, who, { ...input, subjectType: "incident", subjectId: id }, today);
  return readIncident(db.kysely, who.orgId, id, today);
}
