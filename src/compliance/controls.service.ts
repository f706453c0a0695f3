import type { Kysely, Transaction } from "kysely";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Control, Database } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { containsText, type Page } from "../platform/pagination.ts";
import { nowIso } from "../platform/time.ts";
import { refOf } from "./assessments.read.ts";
import { inChunks } from "./assessments.store.ts";
import { applyCounters, CounterDeltas } from "./counters.ts";
import { refreshFromControls } from "./controls.effect.ts";
import type { ControlView, CreateControlInput, ListControlsQuery, UpdateControlInput } from "./controls.schema.ts";
import { fieldText } from "../platform/http/field-messages.ts";

type Q = Kysely<Database> | Transaction<Database>;

const SORTS = { code: "c.code", titleJa: "c.title_ja", titleEn: "c.title_en", status: "c.status", updatedAt: "c.updated_at" } as const;

/**
 * Controls with their owner, mapped requirements, evidence and the number of assessment rows they
 * speak for: four statements for any number of controls.
 */
async function presentControls(db: Q, library: Library, orgId: string, rows: (Control & { owner_name: string | null })[]): Promise<ControlView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [maps, evidence] = await Promise.all([
    db.selectFrom("control_requirements").select(["control_id", "requirement_urn"]).where("org_id", "=", orgId).where("control_id", "in", ids).orderBy("requirement_urn").execute(),
    db
      .selectFrom("evidence_links as l")
      .innerJoin("evidence as e", (j) => j.onRef("e.id", "=", "l.evidence_id").on("e.org_id", "=", orgId))
      .select(["l.target_id", "e.id", "e.title", "e.kind", "e.valid_until"])
      .where("l.org_id", "=", orgId)
      .where("l.target_type", "=", "control")
      .where("l.target_id", "in", ids)
      .execute(),
  ]);
  const urns = [...new Set(maps.map((m) => m.requirement_urn))];
  const rowsByUrn = new Map<string, number>();
  if (urns.length) {
    const counted = await db
      .selectFrom("assessment_items")
      .select(["requirement_urn", (eb) => eb.fn.countAll<number>().as("n")])
      .where("org_id", "=", orgId)
      .where("requirement_urn", "in", urns)
      .where("applicable", "=", 1)
      .groupBy("requirement_urn")
      .execute();
    for (const c of counted) rowsByUrn.set(c.requirement_urn, Number(c.n));
  }
  return rows.map((r) => {
    const mine = maps.filter((m) => m.control_id === r.id).map((m) => m.requirement_urn);
    return {
      id: r.id,
      code: r.code,
      titleJa: r.title_ja,
      titleEn: r.title_en,
      description: r.description,
      owner: r.owner_id && r.owner_name !== null ? { id: r.owner_id, displayName: r.owner_name } : null,
      status: r.status as ControlView["status"],
      requirements: mine.map((u) => refOf(library, u)),
      evidence: evidence.filter((e) => e.target_id === r.id).map((e) => ({ id: e.id, title: e.title, kind: e.kind, validUntil: e.valid_until })),
      rows: mine.reduce((n, u) => n + (rowsByUrn.get(u) ?? 0), 0),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
    };
  });
}

function selectControls(db: Q, orgId: string) {
  return db
    .selectFrom("controls as c")
    .leftJoin("users as o", (j) => j.onRef("o.id", "=", "c.owner_id").on("o.org_id", "=", orgId))
    .where("c.org_id", "=", orgId);
}

export async function listControls(db: Q, library: Library, orgId: string, q: ListControlsQuery): Promise<Page<ControlView>> {
  let base = selectControls(db, orgId);
  if (q.status) base = base.where("c.status", "=", q.status);
  if (q.framework) {
    const fw = q.framework;
    base = base.where((eb) => eb.exists(eb.selectFrom("control_requirements as cr").select("cr.control_id").whereRef("cr.control_id", "=", "c.id").where("cr.framework_id", "=", fw)));
  }
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([containsText("c.code", text), containsText("c.title_ja", text), containsText("c.title_en", text), containsText("c.description", text)]));
  }
  const desc = q.sort.startsWith("-");
  const column = SORTS[(desc ? q.sort.slice(1) : q.sort) as keyof typeof SORTS];
  const [rows, count] = await Promise.all([
    base.selectAll("c").select("o.display_name as owner_name").orderBy(column, desc ? "desc" : "asc").orderBy("c.id").limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: await presentControls(db, library, orgId, rows), total: Number(count.n), limit: q.limit, offset: q.offset };
}

export async function readControl(db: Q, library: Library, orgId: string, id: string): Promise<ControlView> {
  const row = await selectControls(db, orgId).selectAll("c").select("o.display_name as owner_name").where("c.id", "=", id).executeTakeFirst();
  if (!row) throw notFound();
  return (await presentControls(db, library, orgId, [row]))[0]!;
}

/** Mapped URNs must name requirement nodes of the loaded library. */
function checkRequirements(library: Library, urns: readonly string[]): void {
  const bad = urns.map((u, i) => ({ u, i })).filter(({ u }) => !library.nodes.get(u)?.node.requirement);
  if (bad.length) throw new AppError(400, "validation_failed", bad.map(({ u, i }) => ({ field: `body.requirements.${i}`, message: fieldText("no_such_requirement") })));
}

async function checkOwner(trx: Transaction<Database>, orgId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const u = await trx.selectFrom("users").select("id").where("org_id", "=", orgId).where("id", "=", ownerId).executeTakeFirst();
  if (!u) throw new AppError(400, "validation_failed", [{ field: "body.ownerId", message: fieldText("no_such_user") }]);
}

async function setMappings(trx: Transaction<Database>, orgId: string, controlId: string, urns: readonly string[]) {
  await trx.deleteFrom("control_requirements").where("org_id", "=", orgId).where("control_id", "=", controlId).execute();
  await inChunks([...new Set(urns)], 200, async (chunk) => {
    await trx.insertInto("control_requirements").values(chunk.map((u) => ({ org_id: orgId, control_id: controlId, requirement_urn: u, framework_id: u.split(":")[2]! }))).execute();
  });
}

async function mappingsOf(trx: Transaction<Database>, orgId: string, controlId: string): Promise<string[]> {
  const rows = await trx.selectFrom("control_requirements").select("requirement_urn").where("org_id", "=", orgId).where("control_id", "=", controlId).execute();
  return rows.map((r) => r.requirement_urn).sort();
}

const snapshot = (c: Control, requirements: string[]) => ({ code: c.code, titleJa: c.title_ja, titleEn: c.title_en, description: c.description, ownerId: c.owner_id, status: c.status, requirements });

export async function createControl(db: Db, library: Library, who: ChangeContext, input: CreateControlInput): Promise<ControlView> {
  checkRequirements(library, input.requirements);
  const id = await audited(db, who, async (trx, record) => {
    await checkOwner(trx, who.orgId, input.ownerId);
    const clash = await trx.selectFrom("controls").select("id").where("org_id", "=", who.orgId).where("code", "=", input.code).executeTakeFirst();
    if (clash) throw new AppError(409, "code_taken", { field: "body.code" });
    const now = nowIso();
    const row: Control = { id: newId("ctl"), org_id: who.orgId, code: input.code, title_ja: input.titleJa, title_en: input.titleEn, description: input.description, owner_id: input.ownerId, status: input.status, created_at: now, updated_at: now, version: 1 };
    await trx.insertInto("controls").values(row).execute();
    await setMappings(trx, who.orgId, row.id, input.requirements);
    const d = new CounterDeltas();
    await refreshFromControls(trx, who.orgId, input.requirements, d);
    await applyCounters(trx, who.orgId, d);
    record({ action: "control.created", entityType: "control", entityId: row.id, after: snapshot(row, [...new Set(input.requirements)].sort()) });
    return row.id;
  });
  return readControl(db.kysely, library, who.orgId, id);
}

export async function updateControl(db: Db, library: Library, who: ChangeContext, id: string, input: UpdateControlInput): Promise<ControlView> {
  if (input.requirements) checkRequirements(library, input.requirements);
  await audited(db, who, async (trx, record) => {
    const current = await trx.selectFrom("controls").selectAll().where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!current) throw notFound();
    if (current.version !== input.version) throw new AppError(409, "conflict", { current: await readControl(trx, library, who.orgId, id) });
    await checkOwner(trx, who.orgId, input.ownerId);
    if (input.code !== undefined && input.code !== current.code) {
      const clash = await trx.selectFrom("controls").select("id").where("org_id", "=", who.orgId).where("code", "=", input.code).executeTakeFirst();
      if (clash) throw new AppError(409, "code_taken", { field: "body.code" });
    }
    const before = await mappingsOf(trx, who.orgId, id);
    const next: Control = {
      ...current,
      code: input.code ?? current.code,
      title_ja: input.titleJa ?? current.title_ja,
      title_en: input.titleEn ?? current.title_en,
      description: input.description ?? current.description,
      owner_id: input.ownerId !== undefined ? input.ownerId : current.owner_id,
      status: input.status ?? current.status,
      updated_at: nowIso(),
      version: current.version + 1,
    };
    await trx.updateTable("controls").set(next).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    const after = input.requirements ? [...new Set(input.requirements)].sort() : before;
    if (input.requirements) await setMappings(trx, who.orgId, id, after);
    const affected = next.status !== current.status ? [...before, ...after] : [...before.filter((u) => !after.includes(u)), ...after.filter((u) => !before.includes(u))];
    const d = new CounterDeltas();
    await refreshFromControls(trx, who.orgId, affected, d);
    await applyCounters(trx, who.orgId, d);
    record({ action: "control.updated", entityType: "control", entityId: id, before: snapshot(current, before), after: snapshot(next, after) });
  });
  return readControl(db.kysely, library, who.orgId, id);
}

export async function deleteControl(db: Db, who: ChangeContext, id: string): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const current = await trx.selectFrom("controls").selectAll().where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!current) throw notFound();
    // Risks treated by the control and incidents that name it keep it (their records list it).
    const risks = await trx.selectFrom("risk_controls").select("risk_id as id").where("org_id", "=", who.orgId).where("control_id", "=", id).limit(20).execute();
    const incidents = await trx.selectFrom("incident_links").select("incident_id as id").where("org_id", "=", who.orgId).where("target_type", "=", "control").where("target_id", "=", id).limit(20).execute();
    if (risks.length || incidents.length) throw new AppError(409, "in_use", { risks: risks.map((r) => r.id), incidents: incidents.map((i) => i.id) });
    const before = await mappingsOf(trx, who.orgId, id);
    await trx.deleteFrom("control_requirements").where("org_id", "=", who.orgId).where("control_id", "=", id).execute();
    await trx.deleteFrom("evidence_links").where("org_id", "=", who.orgId).where("target_type", "=", "control").where("target_id", "=", id).execute();
    await trx.deleteFrom("controls").where("org_id", "=", who.orgId).where("id", "=", id).execute();
    const d = new CounterDeltas();
    await refreshFromControls(trx, who.orgId, before, d);
    await applyCounters(trx, who.orgId, d);
    record({ action: "control.deleted", entityType: "control", entityId: id, before: snapshot(current, before) });
  });
}
