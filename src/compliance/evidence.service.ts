import type { Kysely, Transaction } from "kysely";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database, Evidence } from "../db/schema.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { containsText, type Page } from "../platform/pagination.ts";
import { nowIso } from "../platform/time.ts";
import type { Actor } from "../platform/authz.ts";
import { assertCanChangeEvidence } from "./evidence.policy.ts";
import { findOrgFile } from "./files.store.ts";
import { type CreateEvidenceInput, EXPIRY_WARNING_DAYS, type EvidenceView, type ListEvidenceQuery, type UpdateEvidenceInput } from "./evidence.schema.ts";
import { fieldText } from "../platform/http/field-messages.ts";

type Q = Kysely<Database> | Transaction<Database>;
type Target = { type: "control" | "item"; id: string };

/** `date` plus `days`, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Expired the day after `validUntil`; expiring within {@link EXPIRY_WARNING_DAYS} days of it. */
export function evidenceStatus(validUntil: string | null, today: string): EvidenceView["status"] {
  if (validUntil === null) return "no_expiry";
  if (validUntil < today) return "expired";
  if (validUntil <= addDays(today, EXPIRY_WARNING_DAYS)) return "expiring";
  return "valid";
}

/** Evidence with what it supports, labelled: three statements for any number of records. */
export async function presentEvidence(db: Q, orgId: string, rows: Evidence[], today: string): Promise<EvidenceView[]> {
  if (rows.length === 0) return [];
  const links = await db.selectFrom("evidence_links").selectAll().where("org_id", "=", orgId).where("evidence_id", "in", rows.map((r) => r.id)).execute();
  const controlIds = links.filter((l) => l.target_type === "control").map((l) => l.target_id);
  const itemIds = links.filter((l) => l.target_type === "item").map((l) => l.target_id);
  const [controls, items] = await Promise.all([
    controlIds.length ? db.selectFrom("controls").select(["id", "code", "title_en"]).where("org_id", "=", orgId).where("id", "in", controlIds).execute() : Promise.resolve([]),
    itemIds.length
      ? db
          .selectFrom("assessment_items as i")
          .innerJoin("ai_systems as s", (j) => j.onRef("s.id", "=", "i.system_id").on("s.org_id", "=", orgId))
          .select(["i.id", "i.requirement_urn", "i.system_id", "s.code"])
          .where("i.org_id", "=", orgId)
          .where("i.id", "in", itemIds)
          .execute()
      : Promise.resolve([]),
  ]);
  const label = new Map<string, string>();
  const systemOf = new Map<string, string>();
  for (const c of controls) label.set(`control:${c.id}`, c.code);
  for (const i of items) {
    label.set(`item:${i.id}`, `${i.code} · ${i.requirement_urn.split(":").slice(2).join(":")}`);
    systemOf.set(i.id, i.system_id);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as EvidenceView["kind"],
    title: r.title,
    note: r.note,
    url: r.url,
    file: r.file_sha256 ? { sha256: r.file_sha256, name: r.file_name ?? "", size: r.file_size ?? 0, mediaType: r.media_type ?? "application/octet-stream" } : null,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    status: evidenceStatus(r.valid_until, today),
    links: links
      .filter((l) => l.evidence_id === r.id)
      .map((l) => ({
        type: l.target_type as Target["type"],
        id: l.target_id,
        label: label.get(`${l.target_type}:${l.target_id}`) ?? l.target_id,
        ...(systemOf.has(l.target_id) ? { systemId: systemOf.get(l.target_id)! } : {}),
      })),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }));
}

const SORTS = { createdAt: "e.created_at", validUntil: "e.valid_until", title: "e.title" } as const;

export async function listEvidence(db: Q, orgId: string, q: ListEvidenceQuery, today: string): Promise<Page<EvidenceView>> {
  let base = db.selectFrom("evidence as e").where("e.org_id", "=", orgId);
  if (q.kind) base = base.where("e.kind", "=", q.kind);
  const soon = addDays(today, EXPIRY_WARNING_DAYS);
  if (q.status === "no_expiry") base = base.where("e.valid_until", "is", null);
  if (q.status === "expired") base = base.where("e.valid_until", "<", today);
  if (q.status === "expiring") base = base.where("e.valid_until", ">=", today).where("e.valid_until", "<=", soon);
  if (q.status === "valid") base = base.where("e.valid_until", ">", soon);
  if (q.targetType && q.targetId) {
    const { targetType, targetId } = q;
    base = base.where((eb) =>
      eb.exists(eb.selectFrom("evidence_links as l").select("l.evidence_id").whereRef("l.evidence_id", "=", "e.id").where("l.target_type", "=", targetType).where("l.target_id", "=", targetId)),
    );
  }
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([containsText("e.title", text), containsText("e.note", text), containsText("e.file_name", text)]));
  }
  const desc = q.sort.startsWith("-");
  const column = SORTS[(desc ? q.sort.slice(1) : q.sort) as keyof typeof SORTS];
  const [rows, count] = await Promise.all([
    base.selectAll("e").orderBy(column, desc ? "desc" : "asc").orderBy("e.id").limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: await presentEvidence(db, orgId, rows, today), total: Number(count.n), limit: q.limit, offset: q.offset };
}

export async function readEvidence(db: Q, orgId: string, id: string, today: string): Promise<EvidenceView> {
  const row = await db.selectFrom("evidence").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound();
  return (await presentEvidence(db, orgId, [row], today))[0]!;
}

/** Link targets must be controls or assessment rows of the same organisation; anything else is a 400. */
async function checkTargets(trx: Transaction<Database>, orgId: string, targets: readonly Target[], field: string) {
  const controls = targets.filter((t) => t.type === "control").map((t) => t.id);
  const items = targets.filter((t) => t.type === "item").map((t) => t.id);
  const found = new Set<string>();
  if (controls.length) for (const r of await trx.selectFrom("controls").select("id").where("org_id", "=", orgId).where("id", "in", controls).execute()) found.add(`control:${r.id}`);
  if (items.length) for (const r of await trx.selectFrom("assessment_items").select("id").where("org_id", "=", orgId).where("id", "in", items).execute()) found.add(`item:${r.id}`);
  const bad = targets.map((t, i) => ({ t, i })).filter(({ t }) => !found.has(`${t.type}:${t.id}`));
  if (bad.length) throw new AppError(400, "validation_failed", bad.map(({ t, i }) => ({ field: `${field}.${i}`, message: fieldText("no_such_record") })));
}

const snapshot = (e: Evidence) => ({ kind: e.kind, title: e.title, url: e.url, sha256: e.file_sha256, fileName: e.file_name, size: e.file_size, validFrom: e.valid_from, validUntil: e.valid_until });

/**
 * Records evidence. A file is referenced by its hash, which must be one the organisation uploaded:
 * "another organisation's file" and "no such file" get the same answer.
 */
export async function createEvidence(db: Db, who: ChangeContext, input: CreateEvidenceInput, createdById: string | null): Promise<string> {
  return audited(db, who, async (trx, record) => {
    const file = input.kind === "file" ? input.file! : undefined;
    const owned = file ? await findOrgFile(trx, who.orgId, file.sha256) : undefined;
    if (file && !owned) {
      throw new AppError(400, "validation_failed", [{ field: "body.file.sha256", message: fieldText("no_such_file") }]);
    }
    const targets = [...new Map(input.links.map((l) => [`${l.type}:${l.id}`, l])).values()];
    await checkTargets(trx, who.orgId, targets, "body.links");
    const now = nowIso();
    const row: Evidence = {
      id: newId("evd"),
      org_id: who.orgId,
      kind: input.kind,
      title: input.title,
      note: input.note,
      url: input.kind === "link" ? input.url! : null,
      file_sha256: file?.sha256 ?? null,
      file_name: file?.name ?? null,
      file_size: owned?.size ?? null,
      media_type: file?.mediaType ?? null,
      valid_from: input.validFrom,
      valid_until: input.validUntil,
      created_by: who.actor.label,
      created_by_id: createdById,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await trx.insertInto("evidence").values(row).execute();
    if (targets.length) await trx.insertInto("evidence_links").values(targets.map((t) => ({ org_id: who.orgId, evidence_id: row.id, target_type: t.type, target_id: t.id }))).execute();
    record({ action: "evidence.created", entityType: "evidence", entityId: row.id, after: { ...snapshot(row), links: targets } });
    return row.id;
  });
}

export async function updateEvidence(db: Db, who: ChangeContext, actor: Actor, id: string, input: UpdateEvidenceInput): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const current = await trx.selectFrom("evidence").selectAll().where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!current) throw notFound();
    await assertCanChangeEvidence(trx, actor, current);
    if (current.version !== input.version) throw new AppError(409, "conflict", { current: snapshot(current) });
    if (input.url !== undefined && current.kind !== "link") throw new AppError(400, "validation_failed", [{ field: "body.url", message: fieldText("link_only_url") }]);
    const next: Evidence = {
      ...current,
      title: input.title ?? current.title,
      note: input.note ?? current.note,
      url: input.url ?? current.url,
      valid_from: input.validFrom !== undefined ? input.validFrom : current.valid_from,
      valid_until: input.validUntil !== undefined ? input.validUntil : current.valid_until,
      updated_at: nowIso(),
      version: current.version + 1,
    };
    if (next.valid_from && next.valid_until && next.valid_from > next.valid_until) throw new AppError(400, "validation_failed", [{ field: "body.validUntil", message: fieldText("valid_until_before_from") }]);
    await trx.updateTable("evidence").set(next).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "evidence.updated", entityType: "evidence", entityId: id, before: snapshot(current), after: snapshot(next) });
  });
}

/** Deletes the record and its links. The stored file stays: it is content-addressed and may back other records or backups. */
export async function deleteEvidence(db: Db, who: ChangeContext, actor: Actor, id: string): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const current = await trx.selectFrom("evidence").selectAll().where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!current) throw notFound();
    await assertCanChangeEvidence(trx, actor, current);
    await trx.deleteFrom("evidence_links").where("org_id", "=", who.orgId).where("evidence_id", "=", id).execute();
    await trx.deleteFrom("evidence").where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "evidence.deleted", entityType: "evidence", entityId: id, before: snapshot(current) });
  });
}

export async function linkEvidence(db: Db, who: ChangeContext, actor: Actor, id: string, target: Target, link: boolean): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const current = await trx.selectFrom("evidence").select(["id", "created_by_id"]).where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!current) throw notFound();
    await assertCanChangeEvidence(trx, actor, current);
    const where = trx.selectFrom("evidence_links").select("evidence_id").where("org_id", "=", who.orgId).where("evidence_id", "=", id).where("target_type", "=", target.type).where("target_id", "=", target.id);
    const exists = await where.executeTakeFirst();
    if (link) {
      if (exists) return;
      await checkTargets(trx, who.orgId, [target], "body");
      await trx.insertInto("evidence_links").values({ org_id: who.orgId, evidence_id: id, target_type: target.type, target_id: target.id }).execute();
    } else {
      if (!exists) throw notFound();
      await trx.deleteFrom("evidence_links").where("org_id", "=", who.orgId).where("evidence_id", "=", id).where("target_type", "=", target.type).where("target_id", "=", target.id).execute();
    }
    record({ action: link ? "evidence.linked" : "evidence.unlinked", entityType: "evidence", entityId: id, after: target });
  });
}
