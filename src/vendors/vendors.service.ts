import type { Kysely, Transaction } from "kysely";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database, Vendor } from "../db/schema.ts";
import type { Actor } from "../platform/authz.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { newId } from "../platform/ids.ts";
import { containsText, type Page } from "../platform/pagination.ts";
import { nextFreeCode } from "../platform/sequence.ts";
import { addDays, addMonths, dayIn, nowIso, todayIn } from "../platform/time.ts";
import { userNames } from "../workflow/approvals.service.ts";
import { completeReviewTasks } from "../workflow/tasks.service.ts";
import { suggestRating, type Rating } from "./questionnaire.ts";
import type { CreateVendorInput, ListVendorsQuery, ReviewVendorInput, UpdateVendorInput, VendorView } from "./vendors.schema.ts";
import { applyCustom, customFilter, customSearch, dropCustom, indexNewRecord, readCustom, reindexCustom } from "../fields/fields.values.ts";

type Q = Kysely<Database> | Transaction<Database>;

async function getVendorRow(db: Q, orgId: string, id: string): Promise<Vendor> {
  const row = await db.selectFrom("vendors").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Views of vendor rows with their dependent systems and latest review: three more statements. */
async function present(db: Q, orgId: string, rows: Vendor[], today: string): Promise<VendorView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [systems, reviews] = await Promise.all([
    db
      .selectFrom("vendor_systems as vs")
      .innerJoin("ai_systems as s", (j) => j.onRef("s.id", "=", "vs.system_id").on("s.org_id", "=", orgId))
      .select(["vs.vendor_id", "s.id", "s.code", "s.name_ja", "s.name_en", "s.lifecycle"])
      .where("vs.org_id", "=", orgId)
      .where("vs.vendor_id", "in", ids)
      .orderBy("s.code")
      .execute(),
    db.selectFrom("vendor_reviews").selectAll().where("org_id", "=", orgId).where("vendor_id", "in", ids).orderBy("created_at", "desc").execute(),
  ]);
  const latest = new Map<string, (typeof reviews)[number]>();
  for (const r of reviews) if (!latest.has(r.vendor_id)) latest.set(r.vendor_id, r);
  const names = await userNames(db, orgId, [...rows.map((r) => r.owner_id), ...[...latest.values()].map((r) => r.reviewer_id)].filter((u): u is string => !!u));
  const person = (u: string | null) => (u ? { id: u, displayName: names.get(u) ?? u } : null);
  const soon = addDays(today, 90);
  return rows.map((r) => {
    const rev = latest.get(r.id);
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind as VendorView["kind"],
      services: r.services,
      website: r.website,
      owner: person(r.owner_id),
      status: r.status as VendorView["status"],
      rating: r.rating as Rating,
      dataCountries: JSON.parse(r.data_countries),
      contractStart: r.contract_start,
      contractEnd: r.contract_end,
      contractEndingSoon: r.status !== "offboarded" && r.contract_end !== null && r.contract_end <= soon,
      reviewMonths: r.review_months,
      lastReviewedAt: r.last_reviewed_at,
      nextReviewOn: r.next_review_on,
      reviewOverdue: r.status !== "offboarded" && r.next_review_on !== null && r.next_review_on < today,
      notes: r.notes,
      systems: systems.filter((s) => s.vendor_id === r.id).map((s) => ({ id: s.id, code: s.code, nameJa: s.name_ja, nameEn: s.name_en, lifecycle: s.lifecycle })),
      lastReview: rev
        ? { id: rev.id, answers: JSON.parse(rev.answers), gaps: rev.gaps, suggestedRating: rev.suggested_rating as Rating, rating: rev.rating as Rating, note: rev.note, reviewer: person(rev.reviewer_id), createdAt: rev.created_at }
        : null,
      custom: readCustom(r.custom),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
    };
  });
}

export async function readVendor(db: Q, orgId: string, id: string, today: string): Promise<VendorView> {
  return (await present(db, orgId, [await getVendorRow(db, orgId, id)], today))[0]!;
}

const SORTS = { name: "name", code: "code", rating: "rating", nextReviewOn: "next_review_on", contractEnd: "contract_end", updatedAt: "updated_at" } as const;

export async function listVendors(db: Q, orgId: string, q: ListVendorsQuery, today: string): Promise<Page<VendorView>> {
  let base = db.selectFrom("vendors").where("org_id", "=", orgId);
  if (q.rating) base = base.where("rating", "=", q.rating);
  if (q.status) base = base.where("status", "=", q.status);
  if (q.reviewOverdue) base = base.where("status", "<>", "offboarded").where("next_review_on", "<", today);
  if (q.systemId) {
    const sys = q.systemId;
    base = base.where((eb) => eb.exists(eb.selectFrom("vendor_systems as vs").select("vs.vendor_id").whereRef("vs.vendor_id", "=", "vendors.id").where("vs.org_id", "=", orgId).where("vs.system_id", "=", sys)));
  }
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([containsText("name", text), containsText("code", text), containsText("services", text), customSearch(orgId, "vendor", "vendors.id", text)]));
  }
  const custom = await customFilter(db, orgId, "vendor", "vendors.id", q.customField, q.customValue);
  if (custom) base = base.where(custom);
  const desc = q.sort.startsWith("-");
  const field = (desc ? q.sort.slice(1) : q.sort) as keyof typeof SORTS;
  const ordered =
    field === "rating"
      ? base.orderBy((eb) => eb.case().when("rating", "=", "critical").then(4).when("rating", "=", "high").then(3).when("rating", "=", "medium").then(2).when("rating", "=", "low").then(1).else(0).end(), desc ? "desc" : "asc")
      : base.orderBy(SORTS[field], desc ? "desc" : "asc");
  const [rows, count] = await Promise.all([
    ordered.selectAll().orderBy("id").limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: await present(db, orgId, rows, today), total: Number(count.n), limit: q.limit, offset: q.offset };
}

async function checkRefs(trx: Transaction<Database>, orgId: string, input: { ownerId?: string | null | undefined; systemIds?: string[] | undefined; contractStart?: string | null | undefined; contractEnd?: string | null | undefined }) {
  const problems: { field: string; message: string }[] = [];
  if (input.ownerId) {
    const u = await trx.selectFrom("users").select("id").where("org_id", "=", orgId).where("id", "=", input.ownerId).where("status", "=", "active").executeTakeFirst();
    if (!u) problems.push({ field: "body.ownerId", message: fieldText("no_such_user") });
  }
  if (input.systemIds?.length) {
    const found = new Set((await trx.selectFrom("ai_systems").select("id").where("org_id", "=", orgId).where("id", "in", input.systemIds).execute()).map((s) => s.id));
    input.systemIds.forEach((s, i) => found.has(s) || problems.push({ field: `body.systemIds.${i}`, message: fieldText("no_such_system") }));
  }
  if (input.contractStart && input.contractEnd && input.contractEnd < input.contractStart) problems.push({ field: "body.contractEnd", message: fieldText("contract_end_before_start") });
  if (problems.length) throw new AppError(400, "validation_failed", problems);
}

async function setSystems(trx: Transaction<Database>, orgId: string, vendorId: string, systemIds: readonly string[]) {
  await trx.deleteFrom("vendor_systems").where("org_id", "=", orgId).where("vendor_id", "=", vendorId).execute();
  const unique = [...new Set(systemIds)];
  if (unique.length) await trx.insertInto("vendor_systems").values(unique.map((system_id) => ({ org_id: orgId, vendor_id: vendorId, system_id }))).execute();
}

const snapshot = (v: Vendor) => ({ code: v.code, name: v.name, kind: v.kind, status: v.status, rating: v.rating, ownerId: v.owner_id, contractStart: v.contract_start, contractEnd: v.contract_end, reviewMonths: v.review_months, dataCountries: JSON.parse(v.data_countries), custom: readCustom(v.custom) });
const codeTaken = async (trx: Q, orgId: string, code: string, except?: string) => {
  let q = trx.selectFrom("vendors").select("id").where("org_id", "=", orgId).where("code", "=", code);
  if (except) q = q.where("id", "<>", except);
  return !!(await q.executeTakeFirst());
};

/** Registers a vendor; its first review falls due `today` (the organisation's day). */
export async function createVendor(db: Db, who: ChangeContext, input: CreateVendorInput, today: string): Promise<VendorView> {
  const id = await audited(db, who, async (trx, record) => {
    await checkRefs(trx, who.orgId, input);
    if (input.code && (await codeTaken(trx, who.orgId, input.code))) throw new AppError(409, "code_taken", { field: "body.code" });
    const now = nowIso();
    const row: Vendor = {
      id: newId("vnd"),
      org_id: who.orgId,
      code: input.code ?? (await nextFreeCode(trx, who.orgId, "vendor_code", "VND", (c) => codeTaken(trx, who.orgId, c))),
      name: input.name,
      kind: input.kind,
      services: input.services,
      website: input.website,
      owner_id: input.ownerId,
      status: input.status,
      rating: "unrated",
      data_countries: JSON.stringify([...new Set(input.dataCountries)]),
      contract_start: input.contractStart,
      contract_end: input.contractEnd,
      review_months: input.reviewMonths,
      last_reviewed_at: null,
      next_review_on: today,
      notes: input.notes,
      custom: "{}",
      created_at: now,
      updated_at: now,
      version: 1,
    };
    const custom = await applyCustom(trx, who.orgId, "vendor", input.custom);
    row.custom = JSON.stringify(custom);
    await trx.insertInto("vendors").values(row).execute();
    await indexNewRecord(trx, who.orgId, "vendor", row.id, custom);
    await setSystems(trx, who.orgId, row.id, input.systemIds);
    record({ action: "vendor.created", entityType: "vendor", entityId: row.id, after: { ...snapshot(row), systemIds: input.systemIds } });
    return row.id;
  });
  return readVendor(db.kysely, who.orgId, id, today);
}

/**
 * Changes a vendor. A new cadence moves the next review to that many months after the day of the
 * last review in `timeZone` (the organisation's), the day the review counted from when it was made.
 */
export async function updateVendor(db: Db, who: ChangeContext, id: string, input: UpdateVendorInput, timeZone: string): Promise<VendorView> {
  const today = todayIn(timeZone);
  await audited(db, who, async (trx, record) => {
    const before = await getVendorRow(trx, who.orgId, id);
    if (before.version !== input.version) throw new AppError(409, "conflict", { current: await readVendor(trx, who.orgId, id, today) });
    const p = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
    const next: Vendor = {
      ...before,
      code: p(input.code, before.code),
      name: p(input.name, before.name),
      kind: p(input.kind, before.kind),
      services: p(input.services, before.services),
      website: p(input.website, before.website),
      owner_id: p(input.ownerId, before.owner_id),
      status: p(input.status, before.status),
      data_countries: input.dataCountries ? JSON.stringify([...new Set(input.dataCountries)]) : before.data_countries,
      contract_start: p(input.contractStart, before.contract_start),
      contract_end: p(input.contractEnd, before.contract_end),
      review_months: p(input.reviewMonths, before.review_months),
      notes: p(input.notes, before.notes),
      custom: input.custom ? JSON.stringify(await applyCustom(trx, who.orgId, "vendor", input.custom, readCustom(before.custom))) : before.custom,
      updated_at: nowIso(),
      version: before.version + 1,
    };
    await checkRefs(trx, who.orgId, { ownerId: input.ownerId, systemIds: input.systemIds, contractStart: next.contract_start, contractEnd: next.contract_end });
    if (next.code !== before.code && (await codeTaken(trx, who.orgId, next.code, id))) throw new AppError(409, "code_taken", { field: "body.code" });
    if (input.reviewMonths !== undefined && before.last_reviewed_at) next.next_review_on = addMonths(dayIn(before.last_reviewed_at, timeZone), next.review_months);
    await trx.updateTable("vendors").set(next).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    if (input.custom) await reindexCustom(trx, who.orgId, "vendor", [{ id, custom: readCustom(next.custom) }]);
    if (input.systemIds) await setSystems(trx, who.orgId, id, input.systemIds);
    record({ action: "vendor.updated", entityType: "vendor", entityId: id, before: snapshot(before), after: { ...snapshot(next), ...(input.systemIds && { systemIds: input.systemIds }) } });
  });
  return readVendor(db.kysely, who.orgId, id, today);
}

export async function deleteVendor(db: Db, who: ChangeContext, id: string): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const before = await getVendorRow(trx, who.orgId, id);
    await trx.deleteFrom("vendor_systems").where("org_id", "=", who.orgId).where("vendor_id", "=", id).execute();
    await trx.deleteFrom("vendor_reviews").where("org_id", "=", who.orgId).where("vendor_id", "=", id).execute();
    await trx.deleteFrom("vendors").where("org_id", "=", who.orgId).where("id", "=", id).execute();
    await dropCustom(trx, who.orgId, id);
    record({ action: "vendor.deleted", entityType: "vendor", entityId: id, before: snapshot(before) });
  });
}

/**
 * Records a due-diligence review: the answers, the gaps and suggested rating, and the rating the
 * reviewer decided (the suggestion unless overridden). The next review falls due after the
 * vendor's monitoring cadence, and open review tasks for the vendor are done. The vendor's status
 * changes only when the reviewer sets one (`input.status`): a review, however it rates the
 * vendor, never puts a vendor into use by itself.
 */
export async function reviewVendor(db: Db, actor: Actor, who: ChangeContext, id: string, input: ReviewVendorInput, today: string): Promise<VendorView> {
  await audited(db, who, async (trx, record) => {
    const before = await getVendorRow(trx, who.orgId, id);
    if (before.version !== input.version) throw new AppError(409, "conflict", { current: await readVendor(trx, who.orgId, id, today) });
    const { gaps, rating: suggested } = suggestRating(input.answers);
    if (suggested === null) throw new AppError(400, "validation_failed", [{ field: "body.answers", message: fieldText("answer_every_question") }]);
    const rating = input.rating ?? suggested;
    const status = input.status ?? before.status;
    const now = nowIso();
    const reviewId = newId("vrv");
    await trx.insertInto("vendor_reviews").values({ id: reviewId, org_id: who.orgId, vendor_id: id, answers: JSON.stringify(input.answers), gaps, suggested_rating: suggested, rating, note: input.note, reviewer_id: actor.userId, created_at: now }).execute();
    const nextReview = addMonths(today, before.review_months);
    await trx.updateTable("vendors").set({ rating, status, last_reviewed_at: now, next_review_on: nextReview, updated_at: now, version: before.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({
      action: "vendor.reviewed",
      entityType: "vendor",
      entityId: id,
      before: { rating: before.rating, status: before.status },
      after: { reviewId, gaps, suggestedRating: suggested, rating, overridden: rating !== suggested, status, nextReviewOn: nextReview, note: input.note },
    });
    await completeReviewTasks(trx, record, who.orgId, "vendor", id, actor.userId);
  });
  return readVendor(db.kysely, who.orgId, id, today);
}
