import type { Kysely } from "kysely";
import { z } from "zod";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import { RIGHTS } from "../incidents/vocabulary.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { newId } from "../platform/ids.ts";
import { nextFreeCode } from "../platform/sequence.ts";
import { nowIso } from "../platform/time.ts";
import { intakeSummary, listIntake, type IntakeSummary } from "./intake.store.ts";

export const CASE_STATUSES = ["open", "analysing", "countermeasures", "closed"] as const;
const rightKeys = Object.keys(RIGHTS) as [keyof typeof RIGHTS, ...(keyof typeof RIGHTS)[]];

export const createCaseBody = z.strictObject({
  titleJa: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(300),
  summary: z.string().max(20_000).default(""),
  rights: z.array(z.enum(rightKeys)).max(20).default([]),
  /** Submissions to group into the case at once. */
  intakeIds: z.array(z.string().max(100)).max(500).default([]),
});
export const updateCaseBody = z.strictObject({
  version: z.number().int().min(1),
  titleJa: z.string().trim().min(1).max(300).optional(),
  titleEn: z.string().trim().min(1).max(300).optional(),
  summary: z.string().max(20_000).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  rights: z.array(z.enum(rightKeys)).max(20).optional(),
});
export const caseEntryBody = z.strictObject({
  /** `note`: analysis; `countermeasure`: a countermeasure considered. */
  kind: z.enum(["note", "countermeasure"]),
  body: z.string().trim().min(1).max(20_000),
});

const names = z.object({ ja: z.string(), en: z.string() });

export const caseSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: names,
  status: z.enum(CASE_STATUSES),
  rights: z.array(z.string()),
  submissions: z.number().int(),
  organisations: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const caseDetail = caseSummary.extend({
  summary: z.string(),
  /** The organisations whose submissions the case groups, by the names they registered with. */
  involved: z.array(z.object({ party: z.string(), name: names, systems: z.array(z.object({ code: z.string(), name: names })) })),
  items: z.array(intakeSummary),
  /** Oldest first: when incidents happened, when submissions arrived, notes and countermeasures. */
  timeline: z.array(z.object({ at: z.string(), kind: z.enum(["occurred", "received", "note", "countermeasure"]), text: z.string(), intakeId: z.string().nullable(), by: z.string().nullable() })),
});
export type CaseDetail = z.infer<typeof caseDetail>;

async function checkIntakes(k: Kysely<Database>, orgId: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const found = await k.selectFrom("oversight_intake").select("id").where("org_id", "=", orgId).where("id", "in", ids).execute();
  const known = new Set(found.map((f) => f.id));
  const missing = ids.findIndex((id) => !known.has(id));
  if (missing >= 0) throw new AppError(400, "validation_failed", [{ field: `body.intakeIds.${missing}`, message: fieldText("no_such_record") }]);
}

/** Opens a case of rights infringement, grouping the submissions given. */
export async function createCase(db: Db, who: ChangeContext, body: z.infer<typeof createCaseBody>): Promise<CaseDetail> {
  await checkIntakes(db.kysely, who.orgId, body.intakeIds);
  const id = await audited(db, who, async (trx, record) => {
    const code = await nextFreeCode(trx, who.orgId, "oversight_case", "CASE", async (c) => !!(await trx.selectFrom("oversight_cases").select("id").where("org_id", "=", who.orgId).where("code", "=", c).executeTakeFirst()));
    const now = nowIso();
    const caseId = newId("ocs");
    await trx.insertInto("oversight_cases").values({ id: caseId, org_id: who.orgId, code, title_ja: body.titleJa, title_en: body.titleEn, summary: body.summary, status: "open", rights: JSON.stringify(body.rights), created_at: now, created_by: who.actor.label, updated_at: now, version: 1 }).execute();
    if (body.intakeIds.length) await trx.updateTable("oversight_intake").set({ case_id: caseId, updated_at: now }).where("org_id", "=", who.orgId).where("id", "in", body.intakeIds).execute();
    record({ action: "oversight.case_created", entityType: "oversight_case", entityId: caseId, after: { code, titleJa: body.titleJa, titleEn: body.titleEn, rights: body.rights, intakeIds: body.intakeIds } });
    return caseId;
  });
  return readCase(db.kysely, who.orgId, id);
}

export async function updateCase(db: Db, who: ChangeContext, id: string, body: z.infer<typeof updateCaseBody>): Promise<CaseDetail> {
  await audited(db, who, async (trx, record) => {
    const before = await trx.selectFrom("oversight_cases").selectAll().where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!before) throw notFound();
    if (before.version !== body.version) throw new AppError(409, "conflict", { version: before.version });
    const changes = {
      ...(body.titleJa !== undefined && { title_ja: body.titleJa }),
      ...(body.titleEn !== undefined && { title_en: body.titleEn }),
      ...(body.summary !== undefined && { summary: body.summary }),
      ...(body.status !== undefined && { status: body.status }),
      ...(body.rights !== undefined && { rights: JSON.stringify(body.rights) }),
    };
    await trx.updateTable("oversight_cases").set({ ...changes, updated_at: nowIso(), version: before.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    const keys = Object.keys(changes) as (keyof typeof changes)[];
    record({ action: "oversight.case_updated", entityType: "oversight_case", entityId: id, before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: changes });
  });
  return readCase(db.kysely, who.orgId, id);
}

export async function addCaseEntry(db: Db, who: ChangeContext, id: string, body: z.infer<typeof caseEntryBody>): Promise<CaseDetail> {
  await audited(db, who, async (trx, record) => {
    const found = await trx.selectFrom("oversight_cases").select("version").where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!found) throw notFound();
    const at = nowIso();
    const entryId = newId("oce");
    await trx.insertInto("oversight_case_entries").values({ id: entryId, org_id: who.orgId, case_id: id, kind: body.kind, body: body.body, at, by_user: who.actor.label }).execute();
    await trx.updateTable("oversight_cases").set({ updated_at: at, version: found.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: body.kind === "note" ? "oversight.case_note_added" : "oversight.case_countermeasure_added", entityType: "oversight_case", entityId: id, after: { entry: entryId, body: body.body } });
  });
  return readCase(db.kysely, who.orgId, id);
}

export const casesQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export async function listCases(k: Kysely<Database>, orgId: string, q: z.infer<typeof casesQuery>): Promise<CaseSummary[]> {
  let query = k.selectFrom("oversight_cases").selectAll().where("org_id", "=", orgId);
  if (q.status) query = query.where("status", "=", q.status);
  const rows = await query.orderBy("updated_at", "desc").orderBy("id", "desc").limit(q.limit).offset(q.offset).execute();
  if (!rows.length) return [];
  const counts = await k
    .selectFrom("oversight_intake")
    .select(["case_id", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.count<number>("sender_party").distinct().as("orgs")])
    .where("org_id", "=", orgId)
    .where("case_id", "in", rows.map((r) => r.id))
    .where("status", "<>", "superseded")
    .groupBy("case_id")
    .execute();
  const by = new Map(counts.map((c) => [c.case_id, c]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: { ja: r.title_ja, en: r.title_en },
    status: r.status as CaseSummary["status"],
    rights: JSON.parse(r.rights) as string[],
    submissions: Number(by.get(r.id)?.n ?? 0),
    organisations: Number(by.get(r.id)?.orgs ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }));
}

/** Submissions a case groups at most on its page: a case is a handful of organisations' reports, not a queue. */
const CASE_ITEMS = 200;

/** A case with its timeline, the organisations and AI systems involved, and its submissions. */
export async function readCase(k: Kysely<Database>, orgId: string, id: string): Promise<CaseDetail> {
  const c = await k.selectFrom("oversight_cases").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!c) throw notFound();
  const items: IntakeSummary[] = (await listIntake(k, orgId, { limit: CASE_ITEMS, offset: 0, sort: "receivedAt", caseId: id })).items.filter((i) => i.status !== "superseded");
  const docs = items.length ? await k.selectFrom("oversight_intake").select(["id", "payload", "kind"]).where("org_id", "=", orgId).where("id", "in", items.map((i) => i.id)).execute() : [];
  const involved = new Map<string, CaseDetail["involved"][number]>();
  const timeline: CaseDetail["timeline"] = [];
  for (const item of items) {
    const party = item.sender?.party ?? "public";
    const entry = involved.get(party) ?? { party, name: item.sender?.name ?? { ja: "一般からの報告", en: "Reports from the public" }, systems: [] };
    involved.set(party, entry);
    timeline.push({ at: item.receivedAt, kind: "received", text: item.headline, intakeId: item.id, by: null });
    const doc = docs.find((d) => d.id === item.id);
    if (doc?.kind === "incident-report") {
      const report = JSON.parse(doc.payload) as { incident?: { occurredAt?: string | null; title?: string }; aiSystems?: { code: string; nameJa: string; nameEn: string }[] };
      for (const s of report.aiSystems ?? []) if (!entry.systems.some((x) => x.code === s.code)) entry.systems.push({ code: s.code, name: { ja: s.nameJa, en: s.nameEn } });
      if (report.incident?.occurredAt) timeline.push({ at: report.incident.occurredAt, kind: "occurred", text: report.incident.title ?? item.headline, intakeId: item.id, by: null });
    }
  }
  const entries = await k.selectFrom("oversight_case_entries").selectAll().where("org_id", "=", orgId).where("case_id", "=", id).orderBy("at").limit(1000).execute();
  for (const e of entries) timeline.push({ at: e.at, kind: e.kind as "note" | "countermeasure", text: e.body, intakeId: null, by: e.by_user });
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  return {
    id: c.id,
    code: c.code,
    title: { ja: c.title_ja, en: c.title_en },
    status: c.status as CaseSummary["status"],
    rights: JSON.parse(c.rights) as string[],
    submissions: items.length,
    organisations: [...involved.keys()].length,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    version: c.version,
    summary: c.summary,
    involved: [...involved.values()],
    items,
    timeline,
  };
}
