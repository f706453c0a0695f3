import type { Transaction } from "kysely";
import { evaluateFacts } from "../applicability/evaluate.ts";
import { checkProfile } from "../applicability/profile.ts";
import { audited, type ChangeContext, type RecordChange } from "../audit/audited.ts";
import type { Database } from "../db/schema.ts";
import type { Db } from "../db/connect.ts";
import type { Library } from "../library/library.model.ts";
import type { Actor } from "../platform/authz.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { assertCanEditSystem } from "../systems/systems.policy.ts";
import { getSystemRow } from "../systems/systems.store.ts";
import { readAssessment } from "./assessments.read.ts";
import type { AssessmentView, UpdateItemInput } from "./assessments.schema.ts";
import { readSignOffCheck } from "./assessments.segregation.ts";
import { controlStatusByUrn, countItem } from "./assessments.store.ts";
import { applicableIn, insertItems, syncSystemAssessments, type SyncSummary } from "./assessments.sync.ts";
import { applyCounters, COUNTERS, CounterDeltas } from "./counters.ts";
import { effectiveStatus } from "./statuses.ts";
import { fieldText } from "../platform/http/field-messages.ts";

/** The system's evaluation as of today from its stored profile (profiles are checked when saved). */
export function evaluateStored(library: Library, profile: string, asOf: string) {
  const checked = checkProfile(library, JSON.parse(profile), "en");
  return evaluateFacts(library, checked.facts, asOf);
}

/**
 * Starts an assessment of a system against a framework in scope: one row per requirement the
 * engine says applies now or later, each starting from what its mapped controls say.
 */
export async function createAssessment(db: Db, library: Library, who: ChangeContext, actor: Actor, systemId: string, framework: string, asOf: string): Promise<AssessmentView> {
  const id = await audited(db, who, async (trx, record) => {
    const system = await getSystemRow(trx, who.orgId, systemId);
    if (!system) throw notFound();
    assertCanEditSystem(actor, system);
    const fw = library.current.get(framework);
    const wanted = fw ? applicableIn(evaluateStored(library, system.profile, asOf), framework) : [];
    if (wanted.length === 0) throw new AppError(422, "not_in_scope", { framework });
    const existing = await trx.selectFrom("assessments").select("id").where("org_id", "=", who.orgId).where("system_id", "=", systemId).where("framework_id", "=", framework).executeTakeFirst();
    if (existing) throw new AppError(409, "assessment_exists", { id: existing.id });
    const now = nowIso();
    const id = newId("asm");
    await trx
      .insertInto("assessments")
      .values({ id, org_id: who.orgId, system_id: systemId, framework_id: framework, framework_version: fw!.file.version, library_digest: library.digest, signed_off_by: null, signed_off_at: null, signoff_note: null, created_at: now, updated_at: now, version: 1 })
      .execute();
    const d = new CounterDeltas();
    d.add(COUNTERS.assessed, framework, 1);
    await insertItems(trx, who.orgId, wanted.map((requirement, i) => ({ assessmentId: id, systemId, framework, requirement, position: i + 1, change: null })), d);
    await applyCounters(trx, who.orgId, d);
    record({ action: "assessment.created", entityType: "assessment", entityId: id, after: { systemId, framework, version: fw!.file.version, rows: wanted.length } });
    return id;
  });
  return readAssessment(db.kysely, library, who.orgId, id);
}

async function itemWithSystem(trx: Transaction<Database>, orgId: string, id: string) {
  const item = await trx.selectFrom("assessment_items").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!item) throw notFound();
  const system = await getSystemRow(trx, orgId, item.system_id);
  if (!system) throw notFound();
  return { item, system };
}

/** Any change to a row withdraws the assessment's sign-off: what was signed is no longer what is there. */
export async function withdrawSignOff(trx: Transaction<Database>, orgId: string, assessmentId: string, record: RecordChange) {
  const a = await trx.selectFrom("assessments").select(["signed_off_at", "version"]).where("org_id", "=", orgId).where("id", "=", assessmentId).executeTakeFirst();
  if (!a?.signed_off_at) return;
  await trx.updateTable("assessments").set({ signed_off_at: null, signed_off_by: null, signoff_note: null, updated_at: nowIso(), version: a.version + 1 }).where("org_id", "=", orgId).where("id", "=", assessmentId).execute();
  record({ action: "assessment.sign_off_withdrawn", entityType: "assessment", entityId: assessmentId, before: { signedOffAt: a.signed_off_at } });
}

/** Answers one row. Owners must be users of the organisation; `not_applicable` needs a justification (checked at the edge). */
export async function updateItem(db: Db, who: ChangeContext, actor: Actor, id: string, input: UpdateItemInput): Promise<{ id: string }> {
  return audited(db, who, (trx, record) => updateItemIn(trx, record, who, actor, id, input));
}

/**
 * {@link updateItem} inside a unit of work the caller holds: an import of many rows answers them
 * all in one transaction, each checked, versioned and recorded exactly as one answer from the UI.
 */
export async function updateItemIn(trx: Transaction<Database>, record: RecordChange, who: ChangeContext, actor: Actor, id: string, input: UpdateItemInput): Promise<{ id: string }> {
  const { item, system } = await itemWithSystem(trx, who.orgId, id);
  assertCanEditSystem(actor, system);
  if (item.version !== input.version) throw new AppError(409, "conflict", { current: { id: item.id, version: item.version, answer: item.answer, comment: item.comment, updatedAt: item.updated_at } });
  if (input.ownerId) {
    const owner = await trx.selectFrom("users").select("id").where("org_id", "=", who.orgId).where("id", "=", input.ownerId).executeTakeFirst();
    if (!owner) throw new AppError(400, "validation_failed", [{ field: "body.ownerId", message: fieldText("no_such_user") }]);
  }
  const now = nowIso();
  const next = { ...item };
  if (input.status !== undefined) {
    next.answer = input.status === "not_started" ? null : input.status;
    next.answer_source = next.answer === null ? null : "person";
    next.inference = null;
    next.answered_by = who.actor.label;
    next.answered_at = now;
    const fromControls = (await controlStatusByUrn(trx, who.orgId, [item.requirement_urn])).get(item.requirement_urn) ?? null;
    next.effective = effectiveStatus(next.answer, fromControls);
  }
  if (input.justification !== undefined) next.justification = input.justification;
  if (next.answer !== "not_applicable" && input.status !== undefined) next.justification = input.justification ?? null;
  if (input.ownerId !== undefined) next.owner_id = input.ownerId;
  if (input.dueDate !== undefined) next.due_date = input.dueDate;
  if (input.comment !== undefined) next.comment = input.comment;
  next.updated_at = now;
  next.version = item.version + 1;
  const res = await trx.updateTable("assessment_items").set(next).where("org_id", "=", who.orgId).where("id", "=", id).where("version", "=", input.version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError(409, "conflict", { current: { id: item.id } });
  if (item.applicable === 1 && next.effective !== item.effective) {
    const d = new CounterDeltas();
    countItem(d, item.framework_id, item.requirement_urn, item.effective, -1);
    countItem(d, item.framework_id, item.requirement_urn, next.effective, 1);
    await applyCounters(trx, who.orgId, d);
  }
  await withdrawSignOff(trx, who.orgId, item.assessment_id, record);
  const snap = (r: typeof item) => ({ assessmentId: r.assessment_id, systemId: r.system_id, requirement: r.requirement_urn, answer: r.answer, effective: r.effective, justification: r.justification, ownerId: r.owner_id, dueDate: r.due_date, comment: r.comment });
  record({ action: "assessment_item.updated", entityType: "assessment_item", entityId: id, before: snap(item), after: snap(next) });
  return { id };
}

/**
 * A reviewer's sign-off: refused (409 `assessment_incomplete`) while any applicable row is
 * unanswered or in progress, and — when the organisation's `segregationOfDuties.assessmentSignOff`
 * is on — refused (403 `sign_off_by_answerer`) to anyone recorded as the last to answer one of its
 * applicable rows: the person who signs checks the answers, so they must not be their author.
 */
export async function signOffAssessment(db: Db, library: Library, who: ChangeContext, actor: Actor, id: string, input: { version: number; note?: string | undefined }): Promise<AssessmentView> {
  await audited(db, who, async (trx, record) => {
    const a = await trx.selectFrom("assessments").selectAll().where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!a) throw notFound();
    if (a.version !== input.version) throw new AppError(409, "conflict", { current: { id, version: a.version } });
    const check = await readSignOffCheck(trx, who.orgId, id);
    if (check.open > 0) throw new AppError(409, "assessment_incomplete", { open: check.open });
    if (check.barred.some((u) => u.id === actor.userId)) throw new AppError(403, "sign_off_by_answerer", { reason: "answered_rows" });
    const now = nowIso();
    await trx.updateTable("assessments").set({ signed_off_by: actor.userId, signed_off_at: now, signoff_note: input.note ?? null, updated_at: now, version: a.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "assessment.signed_off", entityType: "assessment", entityId: id, after: { signedOffAt: now, note: input.note ?? null } });
  });
  return readAssessment(db.kysely, library, who.orgId, id);
}

/** Clears the new / no-longer-applies marks once someone has looked at them. */
export async function acknowledgeChanges(db: Db, library: Library, who: ChangeContext, actor: Actor, id: string): Promise<AssessmentView> {
  await audited(db, who, async (trx, record) => {
    const a = await trx.selectFrom("assessments").select(["id", "system_id"]).where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!a) throw notFound();
    const system = await getSystemRow(trx, who.orgId, a.system_id);
    if (!system) throw notFound();
    assertCanEditSystem(actor, system);
    const res = await trx.updateTable("assessment_items").set({ change: null }).where("org_id", "=", who.orgId).where("assessment_id", "=", id).where("change", "is not", null).executeTakeFirst();
    if (Number(res.numUpdatedRows) > 0) record({ action: "assessment.changes_acknowledged", entityType: "assessment", entityId: id, after: { rows: Number(res.numUpdatedRows) } });
  });
  return readAssessment(db.kysely, library, who.orgId, id);
}

/**
 * Re-evaluates a system's stored profile against the loaded library and today's date and applies
 * the result to its assessments: what the UI offers when the library (or the calendar) moved on.
 */
export async function resyncSystem(db: Db, library: Library, who: ChangeContext, actor: Actor, systemId: string, asOf: string): Promise<SyncSummary> {
  return audited(db, who, async (trx, record) => {
    const system = await getSystemRow(trx, who.orgId, systemId);
    if (!system) throw notFound();
    assertCanEditSystem(actor, system);
    const d = new CounterDeltas();
    const summary = await syncSystemAssessments(trx, who.orgId, systemId, library, evaluateStored(library, system.profile, asOf), d);
    await applyCounters(trx, who.orgId, d);
    if (summary.added || summary.removed) record({ action: "assessment.synchronised", entityType: "system", entityId: systemId, after: { ...summary, library: library.digest, asOf } });
    return summary;
  });
}

