import type { Kysely } from "kysely";
import type { Assessment, Database } from "../db/schema.ts";
import { presentRef, frameworkLabel } from "../library/library.present.ts";
import type { Library } from "../library/library.model.ts";
import { notFound } from "../platform/errors.ts";
import type { Page } from "../platform/pagination.ts";
import { inChunks } from "./assessments.store.ts";
import type { AssessmentView, ItemView, ListAllItemsQuery, ListItemsQuery } from "./assessments.schema.ts";
import { combineControls, GAP_STATUSES, ITEM_STATUSES, type ItemStatus, OPEN_STATUSES } from "./statuses.ts";

type Filter = Partial<ListItemsQuery & ListAllItemsQuery> & { assessmentId?: string; itemId?: string; limit: number; offset: number; sort: string };

const GROUPS: Record<"gap" | "open" | "done", readonly ItemStatus[]> = {
  gap: GAP_STATUSES,
  open: OPEN_STATUSES,
  done: ["met", "not_applicable"],
};

const SORTS = { position: "i.position", status: "i.effective", dueDate: "i.due_date" } as const;

/** A node reference, or a placeholder for a URN the loaded library no longer has. */
export function refOf(library: Library, urn: string) {
  if (library.nodes.has(urn)) return presentRef(library, urn);
  const [, , framework = "", version = "", ...id] = urn.split(":");
  return { urn, framework, frameworkName: { en: framework }, version, id: id.join(":"), label: { en: id.join(":") } };
}

/**
 * A page of assessment rows with the system, owner, mapped controls and evidence of each: four
 * statements whatever the page size (rows, count, controls of the page's requirements, evidence of
 * the page's rows and controls).
 */
export async function listItems(db: Kysely<Database>, library: Library, orgId: string, f: Filter, today: string): Promise<Page<ItemView>> {
  let base = db
    .selectFrom("assessment_items as i")
    .innerJoin("ai_systems as s", (j) => j.onRef("s.id", "=", "i.system_id").on("s.org_id", "=", orgId))
    .leftJoin("users as o", (j) => j.onRef("o.id", "=", "i.owner_id").on("o.org_id", "=", orgId))
    .where("i.org_id", "=", orgId);
  if (f.itemId) base = base.where("i.id", "=", f.itemId);
  if (f.assessmentId) base = base.where("i.assessment_id", "=", f.assessmentId);
  if (f.systemId) base = base.where("i.system_id", "=", f.systemId);
  if (f.framework) base = base.where("i.framework_id", "=", f.framework);
  if (f.urn) base = base.where("i.requirement_urn", "=", f.urn);
  if (f.status) base = base.where("i.effective", "=", f.status);
  if (f.group) base = base.where("i.effective", "in", [...GROUPS[f.group]]);
  if (f.ownerId) base = base.where("i.owner_id", "=", f.ownerId);
  if (f.overdue) base = base.where("i.due_date", "<", today).where("i.effective", "in", [...OPEN_STATUSES, ...GAP_STATUSES]);
  if (f.change === "any") base = base.where("i.change", "is not", null);
  else if (f.change) base = base.where("i.change", "=", f.change);
  if (!f.includeRemoved && f.change !== "removed") base = base.where("i.applicable", "=", 1);

  const desc = f.sort.startsWith("-");
  const column = SORTS[(desc ? f.sort.slice(1) : f.sort) as keyof typeof SORTS] ?? "i.position";
  const [rows, count] = await Promise.all([
    base
      .selectAll("i")
      .select(["s.code as s_code", "s.name_ja as s_name_ja", "s.name_en as s_name_en", "o.display_name as o_name"])
      .orderBy(column, desc ? "desc" : "asc")
      .orderBy("i.id")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);

  const urns = [...new Set(rows.map((r) => r.requirement_urn))];
  const controls = urns.length
    ? await db
        .selectFrom("control_requirements as cr")
        .innerJoin("controls as c", (j) => j.onRef("c.id", "=", "cr.control_id").on("c.org_id", "=", orgId))
        .select(["cr.requirement_urn", "c.id", "c.code", "c.title_ja", "c.title_en", "c.status"])
        .where("cr.org_id", "=", orgId)
        .where("cr.requirement_urn", "in", urns)
        .orderBy("c.code")
        .execute()
    : [];
  const controlsByUrn = new Map<string, typeof controls>();
  for (const c of controls) {
    const list = controlsByUrn.get(c.requirement_urn);
    if (list) list.push(c);
    else controlsByUrn.set(c.requirement_urn, [c]);
  }
  const targets = [...rows.map((r) => r.id), ...new Set(controls.map((c) => c.id))];
  const evidence = targets.length
    ? await db
        .selectFrom("evidence_links as l")
        .innerJoin("evidence as e", (j) => j.onRef("e.id", "=", "l.evidence_id").on("e.org_id", "=", orgId))
        .select(["l.target_type", "l.target_id", "e.id", "e.title", "e.kind", "e.valid_until"])
        .where("l.org_id", "=", orgId)
        .where("l.target_id", "in", targets)
        .execute()
    : [];
  const evidenceByTarget = new Map<string, typeof evidence>();
  for (const e of evidence) {
    const list = evidenceByTarget.get(e.target_id);
    if (list) list.push(e);
    else evidenceByTarget.set(e.target_id, [e]);
  }

  const items = rows.map((r): ItemView => {
    const mapped = controlsByUrn.get(r.requirement_urn) ?? [];
    const ev = [
      ...(evidenceByTarget.get(r.id) ?? []).map((e) => ({ id: e.id, title: e.title, kind: e.kind, validUntil: e.valid_until, via: "item" as const })),
      ...mapped.flatMap((c) => (evidenceByTarget.get(c.id) ?? []).map((e) => ({ id: e.id, title: e.title, kind: e.kind, validUntil: e.valid_until, via: "control" as const }))),
    ];
    return {
      id: r.id,
      assessmentId: r.assessment_id,
      system: { id: r.system_id, code: r.s_code, nameJa: r.s_name_ja, nameEn: r.s_name_en },
      requirement: refOf(library, r.requirement_urn),
      applicable: r.applicable === 1,
      change: r.change as ItemView["change"],
      timing: r.timing,
      appliesFrom: r.applies_from,
      answer: r.answer as ItemStatus | null,
      answerSource: r.answer_source as ItemView["answerSource"],
      inference: r.inference === null ? null : JSON.parse(r.inference),
      fromControls: combineControls(mapped.map((c) => c.status)),
      effective: r.effective as ItemStatus,
      justification: r.justification,
      owner: r.owner_id && r.o_name !== null ? { id: r.owner_id, displayName: r.o_name } : null,
      dueDate: r.due_date,
      comment: r.comment,
      answeredBy: r.answered_by,
      answeredAt: r.answered_at,
      controls: mapped.map((c) => ({ id: c.id, code: c.code, titleJa: c.title_ja, titleEn: c.title_en, status: c.status as ItemView["controls"][number]["status"] })),
      evidence: ev,
      updatedAt: r.updated_at,
      version: r.version,
    };
  });
  return { items, total: Number(count.n), limit: f.limit, offset: f.offset };
}

/**
 * Assessments with their counts: three statements for any number of assessments (assessments,
 * grouped row counts, signers).
 */
export async function presentAssessments(db: Kysely<Database>, library: Library, orgId: string, assessments: Assessment[]): Promise<AssessmentView[]> {
  if (assessments.length === 0) return [];
  const ids = assessments.map((a) => a.id);
  const grouped: { assessment_id: string; effective: string; applicable: number; change: string | null; n: number }[] = [];
  await inChunks(ids, 500, async (chunk) => {
    const rows = await db
      .selectFrom("assessment_items")
      .select(["assessment_id", "effective", "applicable", "change", (eb) => eb.fn.countAll<number>().as("n")])
      .where("org_id", "=", orgId)
      .where("assessment_id", "in", chunk)
      .groupBy(["assessment_id", "effective", "applicable", "change"])
      .execute();
    grouped.push(...rows);
  });
  const systemIds = [...new Set(assessments.map((a) => a.system_id))];
  const signers = [...new Set(assessments.map((a) => a.signed_off_by).filter((v): v is string => v !== null))];
  const [systems, users] = await Promise.all([
    db.selectFrom("ai_systems").select(["id", "code", "name_ja", "name_en"]).where("org_id", "=", orgId).where("id", "in", systemIds).execute(),
    signers.length ? db.selectFrom("users").select(["id", "display_name"]).where("org_id", "=", orgId).where("id", "in", signers).execute() : Promise.resolve([]),
  ]);
  const systemById = new Map(systems.map((s) => [s.id, s]));
  const userById = new Map(users.map((u) => [u.id, u.display_name]));
  return assessments.map((a) => {
    const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
    const changes = { new: 0, removed: 0 };
    let total = 0;
    for (const g of grouped) {
      if (g.assessment_id !== a.id) continue;
      const n = Number(g.n);
      if (g.applicable === 1) {
        counts[g.effective as ItemStatus] += n;
        total += n;
      }
      if (g.change === "new") changes.new += n;
      if (g.change === "removed") changes.removed += n;
    }
    const s = systemById.get(a.system_id);
    const fw = library.current.get(a.framework_id)?.file;
    return {
      id: a.id,
      system: { id: a.system_id, code: s?.code ?? "", nameJa: s?.name_ja ?? "", nameEn: s?.name_en ?? "" },
      framework: a.framework_id,
      frameworkName: fw ? frameworkLabel(fw) : { en: a.framework_id },
      frameworkVersion: a.framework_version,
      counts,
      total,
      changes,
      libraryChanged: a.library_digest !== library.digest,
      signedOff: a.signed_off_at
        ? { by: a.signed_off_by ? { id: a.signed_off_by, displayName: userById.get(a.signed_off_by) ?? "" } : null, at: a.signed_off_at, note: a.signoff_note }
        : null,
      createdAt: a.created_at,
      updatedAt: a.updated_at,
      version: a.version,
    };
  });
}

export async function readAssessment(db: Kysely<Database>, library: Library, orgId: string, id: string): Promise<AssessmentView> {
  const a = await db.selectFrom("assessments").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!a) throw notFound();
  return (await presentAssessments(db, library, orgId, [a]))[0]!;
}

/** One row as lists show it, after a change. */
export async function readItem(db: Kysely<Database>, library: Library, orgId: string, id: string, today: string): Promise<ItemView> {
  const page = await listItems(db, library, orgId, { itemId: id, includeRemoved: true, limit: 1, offset: 0, sort: "position" }, today);
  if (!page.items[0]) throw notFound();
  return page.items[0];
}
