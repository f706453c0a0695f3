import type { Kysely, Transaction } from "kysely";
import type { Database, Risk } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import { notFound } from "../platform/errors.ts";
import { bandOf, type RiskMatrix } from "./matrix.schema.ts";
import { jaisiPerspectives } from "./perspectives.ts";
import type { RiskView } from "./risks.schema.ts";
import { readCustom } from "../fields/fields.values.ts";

type Q = Kysely<Database> | Transaction<Database>;

export type RiskRow = Risk & { owner_name: string | null; accepter_name: string | null; system_code: string | null; system_name_ja: string | null; system_name_en: string | null };

/** Risks of the organisation with the names a view shows; every join is scoped to the organisation too. */
export function selectRisks(db: Q, orgId: string) {
  return db
    .selectFrom("risks as r")
    .leftJoin("users as o", (j) => j.onRef("o.id", "=", "r.owner_id").on("o.org_id", "=", orgId))
    .leftJoin("users as a", (j) => j.onRef("a.id", "=", "r.accepted_by").on("a.org_id", "=", orgId))
    .leftJoin("ai_systems as s", (j) => j.onRef("s.id", "=", "r.system_id").on("s.org_id", "=", orgId))
    .where("r.org_id", "=", orgId);
}

export function withNames<T extends ReturnType<typeof selectRisks>>(q: T) {
  return q.selectAll("r").select(["o.display_name as owner_name", "a.display_name as accepter_name", "s.code as system_code", "s.name_ja as system_name_ja", "s.name_en as system_name_en"]);
}

export async function getRiskRow(db: Q, orgId: string, id: string): Promise<Risk> {
  const row = await db.selectFrom("risks").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function controlIdsOf(db: Q, orgId: string, riskId: string): Promise<string[]> {
  const rows = await db.selectFrom("risk_controls").select("control_id").where("org_id", "=", orgId).where("risk_id", "=", riskId).execute();
  return rows.map((r) => r.control_id).sort();
}

/** Views of risk rows: one more statement for all their controls. `today` decides what is overdue or lapsed. */
export async function presentRisks(db: Q, library: Library, matrix: RiskMatrix, orgId: string, rows: RiskRow[], today: string): Promise<RiskView[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom("risk_controls as rc")
    .innerJoin("controls as c", (j) => j.onRef("c.id", "=", "rc.control_id").on("c.org_id", "=", orgId))
    .select(["rc.risk_id", "c.id", "c.code", "c.title_ja", "c.title_en", "c.status"])
    .where("rc.org_id", "=", orgId)
    .where("rc.risk_id", "in", rows.map((r) => r.id))
    .orderBy("c.code")
    .execute();
  const perspectives = jaisiPerspectives(library);
  const rate = (l: number, i: number) => ({ likelihood: l, impact: i, band: bandOf(matrix, l, i) });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    description: r.description,
    system: r.system_id && r.system_code !== null ? { id: r.system_id, code: r.system_code, nameJa: r.system_name_ja!, nameEn: r.system_name_en! } : null,
    categories: JSON.parse(r.categories) as string[],
    perspectives: (JSON.parse(r.perspectives) as string[]).map((urn) => perspectives.get(urn) ?? { urn, ja: urn, en: null }),
    owner: r.owner_id && r.owner_name !== null ? { id: r.owner_id, displayName: r.owner_name } : null,
    status: r.status as RiskView["status"],
    inherent: rate(r.inherent_likelihood, r.inherent_impact),
    residual: r.residual_likelihood !== null && r.residual_impact !== null ? rate(r.residual_likelihood, r.residual_impact) : null,
    treatment: r.treatment as RiskView["treatment"],
    treatmentPlan: r.treatment_plan,
    controls: links.filter((l) => l.risk_id === r.id).map((l) => ({ id: l.id, code: l.code, titleJa: l.title_ja, titleEn: l.title_en, status: l.status })),
    acceptance:
      r.accepted_by && r.accepted_at && r.acceptance_expires_on
        ? { by: { id: r.accepted_by, displayName: r.accepter_name ?? "" }, at: r.accepted_at, expiresOn: r.acceptance_expires_on, note: r.acceptance_note ?? "", expired: r.acceptance_expires_on < today }
        : null,
    lastReviewedAt: r.last_reviewed_at,
    nextReviewOn: r.next_review_on,
    reviewOverdue: r.status !== "closed" && r.next_review_on !== null && r.next_review_on < today,
    custom: readCustom(r.custom),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }));
}
