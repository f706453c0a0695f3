import { sql, type Kysely, type Transaction } from "kysely";
import { audited, type ChangeContext } from "../audit/audited.ts";
import { applyCounters, CounterDeltas, riskCounts } from "../compliance/counters.ts";
import type { Db } from "../db/connect.ts";
import type { Database, Risk } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import type { Actor } from "../platform/authz.ts";
import { AppError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { containsText, type Page } from "../platform/pagination.ts";
import { COUNT_CAP } from "../systems/systems.store.ts";
import { nextFreeCode } from "../platform/sequence.ts";
import { nowIso } from "../platform/time.ts";
import type { RiskMatrix } from "./matrix.schema.ts";
import { readRiskMatrix } from "./matrix.service.ts";
import { jaisiPerspectives } from "./perspectives.ts";
import { assertCanEditRisk } from "./risks.policy.ts";
import type { CreateRiskInput, ListRisksQuery, RiskView, UpdateRiskInput } from "./risks.schema.ts";
import { controlIdsOf, getRiskRow, presentRisks, selectRisks, withNames } from "./risks.store.ts";
import { taxonomyIds } from "./taxonomy.ts";
import { applyCustom, customFilter, customSearch, dropCustom, indexNewRecord, readCustom, reindexCustom } from "../fields/fields.values.ts";

type Q = Kysely<Database> | Transaction<Database>;
type Problem = { field: string; message: string };

const current = { l: sql<number>`coalesce(r.residual_likelihood, r.inherent_likelihood)`, i: sql<number>`coalesce(r.residual_impact, r.inherent_impact)` };
/** A risk's current rating, written exactly as migration 0031's index holds it, so that the index serves the order. */
const rating = sql<number>`${current.l} * ${current.i}`;
const SORTS = { code: "r.code", titleJa: "r.title_ja", titleEn: "r.title_en", nextReviewOn: "r.next_review_on", updatedAt: "r.updated_at" } as const;

/**
 * A page of the risk register and how many risks match. The page's ids are read first from the
 * risks alone — in the default order (current rating, then impact) along the index of migration
 * 0031, which holds those same expressions, so the first page reads 50 index entries however many
 * risks there are — and only then those risks with their owner's, accepter's and system's names.
 * Sorting every risk by a computed rating after joining each to its names took 47–67 ms at 50,000
 * risks, and the register answered 15 requests a second with the page cache off. The total is
 * capped as the inventory's is ("1,000+").
 */
export async function listRisks(db: Q, library: Library, orgId: string, q: ListRisksQuery, today: string, countCap = COUNT_CAP): Promise<Page<RiskView>> {
  const { matrix } = await readRiskMatrix(db, orgId);
  const { pageIds, count: counted } = await registerQueries(db, orgId, q, today, matrix, countCap);
  const [ids, count] = await Promise.all([pageIds.execute(), counted.executeTakeFirstOrThrow()]);
  const n = Number(count.n);
  const cap = q.offset + countCap;
  const found = ids.length ? await withNames(selectRisks(db, orgId)).where("r.id", "in", ids.map((r) => r.id)).execute() : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((r) => byId.get(r.id)).filter((r): r is (typeof found)[number] => r !== undefined);
  return { items: await presentRisks(db, library, matrix, orgId, rows, today), total: Math.min(n, cap), ...(n > cap && { totalCapped: true as const }), limit: q.limit, offset: q.offset };
}

/** The register's two statements for a query: the page's ids in order, and the count (exported for the test that explains them). */
export async function registerQueries(db: Q, orgId: string, q: ListRisksQuery, today: string, matrix: RiskMatrix, countCap = COUNT_CAP) {
  let base = db.selectFrom("risks as r").where("r.org_id", "=", orgId);
  if (q.systemId === "none") base = base.where("r.system_id", "is", null);
  else if (q.systemId) base = base.where("r.system_id", "=", q.systemId);
  if (q.status) base = base.where("r.status", "=", q.status);
  if (q.treatment) base = base.where("r.treatment", "=", q.treatment);
  if (q.ownerId) base = base.where("r.owner_id", "=", q.ownerId);
  if (q.category) base = base.where("r.categories", "like", `%${JSON.stringify(q.category)}%`);
  if (q.likelihood) base = base.where(current.l, "=", q.likelihood);
  if (q.impact) base = base.where(current.i, "=", q.impact);
  if (q.band) {
    if (!matrix.bands.some((b) => b.id === q.band)) throw new AppError(400, "validation_failed", [{ field: "query.band", message: "No band with this id in the organisation's risk matrix" }]);
    const cells = cellsOfBand(matrix, q.band);
    // A band no cell uses matches nothing; `1 = 0` rather than a bound `false`, which SQLite cannot bind.
    base = base.where((eb) => (cells.length ? eb.or(cells.map(([l, i]) => eb.and([eb(current.l, "=", l), eb(current.i, "=", i)]))) : sql<boolean>`1 = 0`));
  }
  if (q.reviewOverdue) base = base.where("r.status", "<>", "closed").where("r.next_review_on", "<", today);
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([containsText("r.code", text), containsText("r.title_ja", text), containsText("r.title_en", text), containsText("r.description", text), customSearch(orgId, "risk", "r.id", text)]));
  }
  const custom = await customFilter(db, orgId, "risk", "r.id", q.customField, q.customValue);
  if (custom) base = base.where(custom);
  const desc = q.sort.startsWith("-");
  const field = desc ? q.sort.slice(1) : q.sort;
  const dir = desc ? "desc" : "asc";
  // Ties broken by id in the same direction: the index serves the order forwards and backwards.
  const ordered = field === "rating" ? base.orderBy(rating, dir).orderBy(current.i, dir) : base.orderBy(SORTS[field as keyof typeof SORTS], dir);
  // Counted up to the page's offset and 1,000 more ("1,000+" beyond): an exact count read every matching risk.
  const cap = q.offset + countCap;
  return {
    pageIds: ordered.select("r.id").orderBy("r.id", dir).limit(q.limit).offset(q.offset),
    count: db.selectFrom(base.select(sql<number>`1`.as("one")).limit(cap + 1).as("m")).select((eb) => eb.fn.countAll<number>().as("n")),
  };
}

/** The [likelihood, impact] cells a band covers. */
export function cellsOfBand(m: RiskMatrix, bandId: string): [number, number][] {
  const b = m.bands.findIndex((x) => x.id === bandId);
  const out: [number, number][] = [];
  m.cells.forEach((row, l) => row.forEach((v, i) => v === b && out.push([l + 1, i + 1])));
  return out;
}

export async function readRisk(db: Q, library: Library, orgId: string, id: string, today: string): Promise<RiskView> {
  const row = await withNames(selectRisks(db, orgId)).where("r.id", "=", id).executeTakeFirst();
  if (!row) throw new AppError(404, "not_found");
  const { matrix } = await readRiskMatrix(db, orgId);
  return (await presentRisks(db, library, matrix, orgId, [row], today))[0]!;
}

/**
 * Checks what a risk refers to: levels within the matrix, taxonomy ids, J-AISI perspectives, and
 * the system, owner and controls as records of this organisation. Every problem is reported at once.
 */
async function checkRefs(trx: Transaction<Database>, library: Library, orgId: string, r: Risk, given: { categories?: readonly string[]; controlIds?: readonly string[] }): Promise<void> {
  const { controlIds } = given;
  const problems: Problem[] = [];
  const { matrix } = await readRiskMatrix(trx, orgId);
  const levels: [keyof Risk, string, number][] = [
    ["inherent_likelihood", "inherentLikelihood", matrix.likelihood.length],
    ["inherent_impact", "inherentImpact", matrix.impact.length],
    ["residual_likelihood", "residualLikelihood", matrix.likelihood.length],
    ["residual_impact", "residualImpact", matrix.impact.length],
  ];
  for (const [col, field, max] of levels) {
    const v = r[col] as number | null;
    if (v !== null && v > max) problems.push({ field: `body.${field}`, message: `The organisation's matrix has ${max} levels` });
  }
  const ids = taxonomyIds();
  (given.categories ?? []).forEach((c, i) => {
    if (!ids.has(c)) problems.push({ field: `body.categories.${i}`, message: `${c} is not an MIT AI Risk Repository domain, sub-domain or causal value` });
  });
  const perspectives = jaisiPerspectives(library);
  (JSON.parse(r.perspectives) as string[]).forEach((p, i) => {
    if (!perspectives.has(p)) problems.push({ field: `body.perspectives.${i}`, message: `${p} is not a J-AISI evaluation perspective` });
  });
  if (r.system_id) {
    const s = await trx.selectFrom("ai_systems").select("id").where("org_id", "=", orgId).where("id", "=", r.system_id).executeTakeFirst();
    if (!s) problems.push({ field: "body.systemId", message: "No system with this id in the organisation" });
  }
  if (r.owner_id) {
    const u = await trx.selectFrom("users").select("id").where("org_id", "=", orgId).where("id", "=", r.owner_id).where("status", "=", "active").executeTakeFirst();
    if (!u) problems.push({ field: "body.ownerId", message: "No active user with this id in the organisation" });
  }
  if (controlIds?.length) {
    const found = new Set((await trx.selectFrom("controls").select("id").where("org_id", "=", orgId).where("id", "in", [...controlIds]).execute()).map((c) => c.id));
    controlIds.forEach((c, i) => {
      if (!found.has(c)) problems.push({ field: `body.controlIds.${i}`, message: "No control with this id in the organisation" });
    });
  }
  if (problems.length) throw new AppError(400, "validation_failed", problems);
}

/** Sub-domain ids bring their domain (`7.1` → `7`), so a filter by domain finds them. */
function withDomains(categories: readonly string[]): string[] {
  const out = new Set<string>();
  for (const c of categories) {
    out.add(c);
    const m = /^(\d+)\.\d+$/.exec(c);
    if (m) out.add(m[1]!);
  }
  return [...out].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

async function setControls(trx: Transaction<Database>, orgId: string, riskId: string, controlIds: readonly string[]) {
  await trx.deleteFrom("risk_controls").where("org_id", "=", orgId).where("risk_id", "=", riskId).execute();
  const unique = [...new Set(controlIds)];
  if (unique.length) await trx.insertInto("risk_controls").values(unique.map((c) => ({ org_id: orgId, risk_id: riskId, control_id: c }))).execute();
}

async function codeTaken(trx: Transaction<Database>, orgId: string, code: string, except?: string): Promise<boolean> {
  let q = trx.selectFrom("risks").select("id").where("org_id", "=", orgId).where("code", "=", code);
  if (except) q = q.where("id", "<>", except);
  return !!(await q.executeTakeFirst());
}

/** What the ledger keeps of a risk: every decision-relevant field, in the API's names. */
export function riskSnapshot(r: Risk, controlIds: string[]) {
  return {
    code: r.code,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    systemId: r.system_id,
    categories: JSON.parse(r.categories),
    perspectives: JSON.parse(r.perspectives),
    ownerId: r.owner_id,
    status: r.status,
    inherent: [r.inherent_likelihood, r.inherent_impact],
    residual: r.residual_likelihood === null ? null : [r.residual_likelihood, r.residual_impact],
    treatment: r.treatment,
    acceptedBy: r.accepted_by,
    acceptanceExpiresOn: r.acceptance_expires_on,
    nextReviewOn: r.next_review_on,
    controlIds,
    custom: readCustom(r.custom),
  };
}

/** Moves a risk's heat-map counters from its old rating to its new one. */
export function countRiskChange(d: CounterDeltas, before: Risk | null, after: Risk | null): void {
  if (before) for (const [name, key] of riskCounts(before)) d.add(name, key, -1);
  if (after) for (const [name, key] of riskCounts(after)) d.add(name, key, 1);
}

export async function createRisk(db: Db, library: Library, actor: Actor, who: ChangeContext, input: CreateRiskInput, today: string): Promise<RiskView> {
  const id = await audited(db, who, async (trx, record) => {
    const now = nowIso();
    const row: Risk = {
      id: newId("rsk"),
      org_id: who.orgId,
      code: input.code ?? "",
      title_ja: input.titleJa,
      title_en: input.titleEn,
      description: input.description,
      system_id: input.systemId,
      categories: JSON.stringify(withDomains(input.categories)),
      perspectives: JSON.stringify([...new Set(input.perspectives)]),
      owner_id: input.ownerId,
      status: "open",
      inherent_likelihood: input.inherentLikelihood,
      inherent_impact: input.inherentImpact,
      residual_likelihood: input.residualLikelihood,
      residual_impact: input.residualImpact,
      treatment: input.treatment,
      treatment_plan: input.treatmentPlan,
      accepted_by: null,
      accepted_at: null,
      acceptance_expires_on: null,
      acceptance_note: null,
      last_reviewed_at: null,
      next_review_on: input.nextReviewOn,
      custom: "{}",
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await assertCanEditRisk(trx, actor, { owner_id: row.owner_id, system_id: row.system_id });
    await checkRefs(trx, library, who.orgId, row, input);
    if (input.code) {
      if (await codeTaken(trx, who.orgId, input.code)) throw new AppError(409, "code_taken", { field: "body.code" });
    } else {
      row.code = await nextFreeCode(trx, who.orgId, "risk_code", "RSK", (c) => codeTaken(trx, who.orgId, c));
    }
    const custom = await applyCustom(trx, who.orgId, "risk", input.custom);
    row.custom = JSON.stringify(custom);
    await trx.insertInto("risks").values(row).execute();
    await indexNewRecord(trx, who.orgId, "risk", row.id, custom);
    await setControls(trx, who.orgId, row.id, input.controlIds);
    const d = new CounterDeltas();
    countRiskChange(d, null, row);
    await applyCounters(trx, who.orgId, d);
    record({ action: "risk.created", entityType: "risk", entityId: row.id, after: riskSnapshot(row, [...new Set(input.controlIds)].sort()) });
    return row.id;
  });
  return readRisk(db.kysely, library, who.orgId, id, today);
}

/**
 * Applies a change under optimistic concurrency. A treatment other than `accept`, or reopening,
 * withdraws a standing acceptance; closing keeps it on record.
 */
export async function updateRisk(db: Db, library: Library, actor: Actor, who: ChangeContext, id: string, input: UpdateRiskInput, today: string): Promise<RiskView> {
  await audited(db, who, async (trx, record) => {
    const before = await getRiskRow(trx, who.orgId, id);
    if (before.version !== input.version) throw new AppError(409, "conflict", { current: await readRisk(trx, library, who.orgId, id, today) });
    await assertCanEditRisk(trx, actor, before);
    const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
    const next: Risk = {
      ...before,
      code: pick(input.code, before.code),
      title_ja: pick(input.titleJa, before.title_ja),
      title_en: pick(input.titleEn, before.title_en),
      description: pick(input.description, before.description),
      system_id: pick(input.systemId, before.system_id),
      categories: input.categories ? JSON.stringify(withDomains(input.categories)) : before.categories,
      perspectives: input.perspectives ? JSON.stringify([...new Set(input.perspectives)]) : before.perspectives,
      owner_id: pick(input.ownerId, before.owner_id),
      inherent_likelihood: pick(input.inherentLikelihood, before.inherent_likelihood),
      inherent_impact: pick(input.inherentImpact, before.inherent_impact),
      residual_likelihood: pick(input.residualLikelihood, before.residual_likelihood),
      residual_impact: pick(input.residualImpact, before.residual_impact),
      treatment: pick(input.treatment, before.treatment),
      treatment_plan: pick(input.treatmentPlan, before.treatment_plan),
      next_review_on: pick(input.nextReviewOn, before.next_review_on),
      status: pick(input.status, before.status),
      custom: input.custom ? JSON.stringify(await applyCustom(trx, who.orgId, "risk", input.custom, readCustom(before.custom))) : before.custom,
      updated_at: nowIso(),
      version: before.version + 1,
    };
    const withdrawn = before.status === "accepted" && (next.treatment !== "accept" || input.status === "open");
    if (withdrawn) Object.assign(next, { status: input.status ?? "open", accepted_by: null, accepted_at: null, acceptance_expires_on: null, acceptance_note: null });
    if (next.system_id !== before.system_id || next.owner_id !== before.owner_id) await assertCanEditRisk(trx, actor, next);
    await checkRefs(trx, library, who.orgId, next, input);
    if (next.code !== before.code && (await codeTaken(trx, who.orgId, next.code, id))) throw new AppError(409, "code_taken", { field: "body.code" });
    await trx.updateTable("risks").set(next).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    if (input.custom) await reindexCustom(trx, who.orgId, "risk", [{ id, custom: readCustom(next.custom) }]);
    const controlsBefore = await controlIdsOf(trx, who.orgId, id);
    if (input.controlIds) await setControls(trx, who.orgId, id, input.controlIds);
    const d = new CounterDeltas();
    countRiskChange(d, before, next);
    await applyCounters(trx, who.orgId, d);
    const controlsAfter = input.controlIds ? [...new Set(input.controlIds)].sort() : controlsBefore;
    record({ action: "risk.updated", entityType: "risk", entityId: id, before: riskSnapshot(before, controlsBefore), after: riskSnapshot(next, controlsAfter) });
    if (withdrawn) record({ action: "risk.acceptance_withdrawn", entityType: "risk", entityId: id, before: { acceptedBy: before.accepted_by, expiresOn: before.acceptance_expires_on } });
  });
  return readRisk(db.kysely, library, who.orgId, id, today);
}

/** Deletes a risk; one that incidents point to is kept (409 `in_use`): their history needs it. */
export async function deleteRisk(db: Db, actor: Actor, who: ChangeContext, id: string): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const before = await getRiskRow(trx, who.orgId, id);
    await assertCanEditRisk(trx, actor, before);
    const incidents = await trx.selectFrom("incident_links").select("incident_id").where("org_id", "=", who.orgId).where("target_type", "=", "risk").where("target_id", "=", id).limit(20).execute();
    if (incidents.length) throw new AppError(409, "in_use", { incidents: incidents.map((i) => i.incident_id) });
    const controls = await controlIdsOf(trx, who.orgId, id);
    await trx.deleteFrom("risk_controls").where("org_id", "=", who.orgId).where("risk_id", "=", id).execute();
    await trx.deleteFrom("risks").where("org_id", "=", who.orgId).where("id", "=", id).execute();
    await dropCustom(trx, who.orgId, id);
    const d = new CounterDeltas();
    countRiskChange(d, before, null);
    await applyCounters(trx, who.orgId, d);
    record({ action: "risk.deleted", entityType: "risk", entityId: id, before: riskSnapshot(before, controls) });
  });
}
