import type { Transaction } from "kysely";
import { audited, type ChangeContext } from "../audit/audited.ts";
import { syncSystemAssessments } from "../compliance/assessments.sync.ts";
import { applyCounters, CounterDeltas, systemCounts, type CountedSystem } from "../compliance/counters.ts";
import { deleteAssessmentsOfSystem } from "../compliance/assessments.store.ts";
import type { Db } from "../db/connect.ts";
import type { AiSystem, Database } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import type { Actor } from "../platform/authz.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { Locale } from "../platform/i18n.ts";
import { newId } from "../platform/ids.ts";
import { nextFreeCode } from "../platform/sequence.ts";
import { nowIso } from "../platform/time.ts";
import { linkedVendorIds, setSystemVendors, unknownVendorIds } from "../vendors/vendor-links.ts";
import { type Classification, classifyProfile } from "./systems.classify.ts";
import { assertCanEditSystem } from "./systems.policy.ts";
import { withRecordFacts } from "./systems.record-facts.ts";
import type { CreateSystemInput, SystemView, UpdateSystemInput } from "./systems.schema.ts";
import { findSystem, getSystemRow, searchTextOf } from "./systems.store.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { applyCustom, customSearchWords, dropCustom, indexNewRecord, readCustom, reindexCustom, storedValues } from "../fields/fields.values.ts";

export interface SystemContext {
  db: Db;
  library: Library;
  locale: Locale;
  /** The date classifications are computed for: the organisation's today, unless a caller pins another. */
  asOf: string;
}

/** The stored fields of a system as the ledger records them (ids, not names; no search column). */
export function ledgerSnapshot(r: AiSystem) {
  return {
    code: r.code,
    nameJa: r.name_ja,
    nameEn: r.name_en,
    purpose: r.purpose,
    businessOwnerId: r.business_owner_id,
    technicalOwnerId: r.technical_owner_id,
    departmentId: r.department_id,
    lifecycle: r.lifecycle,
    profile: JSON.parse(r.profile),
    models: JSON.parse(r.models),
    datasets: JSON.parse(r.datasets),
    components: JSON.parse(r.components),
    vendors: JSON.parse(r.vendors),
    countries: JSON.parse(r.countries),
    tags: JSON.parse(r.tags),
    lastReviewedAt: r.last_reviewed_at,
    nextReviewAt: r.next_review_at,
    euClass: r.eu_class,
    euClassFrom: r.eu_class_from,
    frameworks: JSON.parse(r.frameworks),
    custom: readCustom(r.custom),
  };
}

/** Owners, the department and linked vendors must be records of the same organisation; anything else is a 400. */
async function checkReferences(trx: Transaction<Database>, orgId: string, input: Partial<Pick<CreateSystemInput, "businessOwnerId" | "technicalOwnerId" | "departmentId" | "vendorIds">>) {
  const problems: { field: string; message: string }[] = [];
  const userIds = [input.businessOwnerId, input.technicalOwnerId].filter((v): v is string => typeof v === "string");
  if (userIds.length) {
    const found = await trx.selectFrom("users").select("id").where("org_id", "=", orgId).where("id", "in", userIds).where("status", "=", "active").execute();
    const ok = new Set(found.map((u) => u.id));
    if (input.businessOwnerId && !ok.has(input.businessOwnerId)) problems.push({ field: "body.businessOwnerId", message: fieldText("no_such_user") });
    if (input.technicalOwnerId && !ok.has(input.technicalOwnerId)) problems.push({ field: "body.technicalOwnerId", message: fieldText("no_such_user") });
  }
  if (input.departmentId) {
    const dep = await trx.selectFrom("departments").select("id").where("org_id", "=", orgId).where("id", "=", input.departmentId).executeTakeFirst();
    if (!dep) problems.push({ field: "body.departmentId", message: fieldText("no_such_department") });
  }
  if (input.vendorIds) problems.push(...(await unknownVendorIds(trx, orgId, input.vendorIds)));
  if (problems.length) throw new AppError(400, "validation_failed", problems);
}

/** The next free `AIS-000001`-style code, from a per-organisation sequence that skips codes already taken. */
export function nextSystemCode(trx: Transaction<Database>, orgId: string): Promise<string> {
  return nextFreeCode(trx, orgId, "system_code", "AIS", async (code) => !!(await trx.selectFrom("ai_systems").select("id").where("org_id", "=", orgId).where("code", "=", code).executeTakeFirst()));
}

/** A new row from validated input and its classification; shared by the API and the importer. */
export function newSystemRow(orgId: string, code: string, input: CreateSystemInput, c: Pick<Classification, "euClass" | "euClassFrom" | "frameworks">, asOf: string, libraryDigest: string, now: string): AiSystem {
  return {
    id: newId("sys"),
    org_id: orgId,
    code,
    name_ja: input.nameJa,
    name_en: input.nameEn,
    purpose: input.purpose,
    business_owner_id: input.businessOwnerId,
    technical_owner_id: input.technicalOwnerId,
    department_id: input.departmentId,
    lifecycle: input.lifecycle,
    profile: JSON.stringify(input.profile),
    models: JSON.stringify(input.models),
    datasets: JSON.stringify(input.datasets),
    components: JSON.stringify(input.components),
    vendors: JSON.stringify(input.vendors),
    countries: JSON.stringify(input.countries),
    tags: JSON.stringify(input.tags),
    last_reviewed_at: input.lastReviewedAt,
    next_review_at: input.nextReviewAt,
    eu_class: c.euClass,
    eu_class_from: c.euClassFrom,
    frameworks: JSON.stringify(c.frameworks),
    classified_on: asOf,
    library_digest: libraryDigest,
    search_text: searchTextOf({ code, ...input }),
    // Custom values are checked against the organisation's fields by the caller (the API, the import).
    custom: JSON.stringify(storedValues(input.custom)),
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

/** Counter changes for a system appearing (+1) or disappearing (-1); `systemCounts` says which. */
export function countSystem(d: CounterDeltas, r: CountedSystem, sign: 1 | -1): void {
  for (const [name, key] of systemCounts(r)) d.add(name, key, sign);
}

async function readBack(trx: Transaction<Database>, orgId: string, id: string): Promise<SystemView> {
  const view = await findSystem(trx, orgId, id);
  if (!view) throw notFound();
  return view;
}

export async function createSystem(ctx: SystemContext, who: ChangeContext, input: CreateSystemInput): Promise<SystemView> {
  const { asOf } = ctx;
  // The record's purpose and countries are the profile's too (nobody answers them twice).
  input = { ...input, profile: withRecordFacts(input.profile, input) };
  const classification = classifyProfile(ctx.library, input.profile, asOf, ctx.locale);
  return audited(ctx.db, who, async (trx, record) => {
    await checkReferences(trx, who.orgId, input);
    const code = input.code ?? (await nextSystemCode(trx, who.orgId));
    if (input.code) {
      const clash = await trx.selectFrom("ai_systems").select("id").where("org_id", "=", who.orgId).where("code", "=", code).executeTakeFirst();
      if (clash) throw new AppError(409, "code_taken", { field: "body.code" });
    }
    const custom = await applyCustom(trx, who.orgId, "system", input.custom);
    const base = newSystemRow(who.orgId, code, input, classification, asOf, ctx.library.digest, nowIso());
    const row = { ...base, custom: JSON.stringify(custom), search_text: base.search_text + (await customSearchWords(trx, who.orgId, "system", custom)) };
    await trx.insertInto("ai_systems").values(row).execute();
    await indexNewRecord(trx, who.orgId, "system", row.id, custom);
    const vendorIds = await setSystemVendors(trx, who.orgId, row.id, input.vendorIds ?? []);
    const deltas = new CounterDeltas();
    countSystem(deltas, row, 1);
    await applyCounters(trx, who.orgId, deltas);
    record({ action: "system.created", entityType: "system", entityId: row.id, after: { ...ledgerSnapshot(row), vendorIds } });
    return readBack(trx, who.orgId, row.id);
  });
}

export async function updateSystem(ctx: SystemContext, who: ChangeContext, actor: Actor, id: string, input: UpdateSystemInput): Promise<SystemView> {
  const { asOf } = ctx;
  return audited(ctx.db, who, async (trx, record) => {
    const current = await getSystemRow(trx, who.orgId, id);
    if (!current) throw notFound();
    assertCanEditSystem(actor, current);
    // The profile takes the record's purpose and countries: a change of either classifies again.
    const profile = withRecordFacts(input.profile ?? JSON.parse(current.profile), {
      purpose: input.purpose ?? current.purpose,
      countries: input.countries ?? JSON.parse(current.countries),
    });
    const profileChanged = input.profile !== undefined || JSON.stringify(profile) !== current.profile;
    if (profileChanged) input = { ...input, profile };
    const classification = profileChanged ? classifyProfile(ctx.library, profile, asOf, ctx.locale) : undefined;
    if (current.version !== input.version) throw new AppError(409, "conflict", { current: await readBack(trx, who.orgId, id) });
    // Handing a system to other owners is a governance decision, not the current owner's alone.
    const reassigning =
      (input.businessOwnerId !== undefined && input.businessOwnerId !== current.business_owner_id) ||
      (input.technicalOwnerId !== undefined && input.technicalOwnerId !== current.technical_owner_id);
    if (reassigning && actor.role === "system_owner" && input.businessOwnerId !== actor.userId && input.technicalOwnerId !== actor.userId) {
      throw new AppError(403, "forbidden", { permission: "systems.manage", reason: "owner_handover" });
    }
    await checkReferences(trx, who.orgId, input);
    if (input.code !== undefined && input.code !== current.code) {
      const clash = await trx.selectFrom("ai_systems").select("id").where("org_id", "=", who.orgId).where("code", "=", input.code).executeTakeFirst();
      if (clash) throw new AppError(409, "code_taken", { field: "body.code" });
    }
    const merged = mergeSystem(current, input);
    const custom = input.custom ? await applyCustom(trx, who.orgId, "system", input.custom, readCustom(current.custom)) : undefined;
    const customWords = await customSearchWords(trx, who.orgId, "system", custom ?? readCustom(current.custom));
    const next: AiSystem = {
      ...current,
      ...merged,
      search_text: merged.search_text + customWords,
      custom: custom ? JSON.stringify(custom) : current.custom,
      eu_class: classification ? classification.euClass : current.eu_class,
      eu_class_from: classification ? classification.euClassFrom : current.eu_class_from,
      frameworks: classification ? JSON.stringify(classification.frameworks) : current.frameworks,
      classified_on: classification ? asOf : current.classified_on,
      library_digest: classification ? ctx.library.digest : current.library_digest,
      updated_at: nowIso(),
      version: current.version + 1,
    };
    const updated = await trx
      .updateTable("ai_systems")
      .set(next)
      .where("org_id", "=", who.orgId)
      .where("id", "=", id)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, "conflict", { current: await readBack(trx, who.orgId, id) });
    if (custom) await reindexCustom(trx, who.orgId, "system", [{ id, custom }]);
    const vendorLinks = input.vendorIds && { before: await linkedVendorIds(trx, who.orgId, id), after: await setSystemVendors(trx, who.orgId, id, input.vendorIds) };
    const deltas = new CounterDeltas();
    countSystem(deltas, current, -1);
    countSystem(deltas, next, 1);
    if (classification) await syncSystemAssessments(trx, who.orgId, id, ctx.library, classification.evaluation, deltas);
    await applyCounters(trx, who.orgId, deltas);
    record({
      action: "system.updated",
      entityType: "system",
      entityId: id,
      before: { ...ledgerSnapshot(current), ...(vendorLinks && { vendorIds: vendorLinks.before }) },
      after: { ...ledgerSnapshot(next), ...(vendorLinks && { vendorIds: vendorLinks.after }) },
    });
    return readBack(trx, who.orgId, id);
  });
}

/** The row's stated fields after a partial update; derived fields are left to the caller. */
function mergeSystem(current: AiSystem, input: UpdateSystemInput) {
  const json = (v: unknown, old: string) => (v === undefined ? old : JSON.stringify(v));
  const merged = {
    code: input.code ?? current.code,
    name_ja: input.nameJa ?? current.name_ja,
    name_en: input.nameEn ?? current.name_en,
    purpose: input.purpose ?? current.purpose,
    business_owner_id: input.businessOwnerId !== undefined ? input.businessOwnerId : current.business_owner_id,
    technical_owner_id: input.technicalOwnerId !== undefined ? input.technicalOwnerId : current.technical_owner_id,
    department_id: input.departmentId !== undefined ? input.departmentId : current.department_id,
    lifecycle: input.lifecycle ?? current.lifecycle,
    profile: json(input.profile, current.profile),
    models: json(input.models, current.models),
    datasets: json(input.datasets, current.datasets),
    components: json(input.components, current.components),
    vendors: json(input.vendors, current.vendors),
    countries: json(input.countries, current.countries),
    tags: json(input.tags, current.tags),
    last_reviewed_at: input.lastReviewedAt !== undefined ? input.lastReviewedAt : current.last_reviewed_at,
    next_review_at: input.nextReviewAt !== undefined ? input.nextReviewAt : current.next_review_at,
  };
  const search_text = searchTextOf({
    code: merged.code,
    nameJa: merged.name_ja,
    nameEn: merged.name_en,
    purpose: merged.purpose,
    tags: JSON.parse(merged.tags),
    vendors: JSON.parse(merged.vendors),
  });
  return { ...merged, search_text };
}

/**
 * Risks, vendors and incidents record which systems they concern: a system one of them names is
 * kept (409 `in_use`, listing up to 20 of each) rather than rewriting their history or failing on
 * the database's foreign keys.
 */
async function refuseWhileReferred(trx: Transaction<Database>, orgId: string, id: string): Promise<void> {
  const risks = await trx.selectFrom("risks").select("id").where("org_id", "=", orgId).where("system_id", "=", id).limit(20).execute();
  const vendors = await trx.selectFrom("vendor_systems").select("vendor_id as id").where("org_id", "=", orgId).where("system_id", "=", id).limit(20).execute();
  const incidents = await trx.selectFrom("incident_links").select("incident_id as id").where("org_id", "=", orgId).where("target_type", "=", "system").where("target_id", "=", id).limit(20).execute();
  const refs = Object.entries({ risks, vendors, incidents }).filter(([, rows]) => rows.length > 0);
  if (refs.length) throw new AppError(409, "in_use", Object.fromEntries(refs.map(([kind, rows]) => [kind, rows.map((r) => r.id)])));
}

/** Deletes a system with its assessments; the ledger keeps the last state. */
export async function deleteSystem(db: Db, who: ChangeContext, id: string): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const current = await getSystemRow(trx, who.orgId, id);
    if (!current) throw notFound();
    await refuseWhileReferred(trx, who.orgId, id);
    const deltas = new CounterDeltas();
    countSystem(deltas, current, -1);
    await deleteAssessmentsOfSystem(trx, who.orgId, id, deltas);
    await trx.deleteFrom("ai_systems").where("org_id", "=", who.orgId).where("id", "=", id).execute();
    await dropCustom(trx, who.orgId, id);
    await applyCounters(trx, who.orgId, deltas);
    record({ action: "system.deleted", entityType: "system", entityId: id, before: ledgerSnapshot(current) });
  });
}

export async function readSystem(db: Db, orgId: string, id: string): Promise<SystemView> {
  const view = await findSystem(db.kysely, orgId, id);
  if (!view) throw notFound();
  return view;
}
