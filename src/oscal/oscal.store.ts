import type { Kysely } from "kysely";
import { inChunks } from "../compliance/assessments.store.ts";
import type { Database } from "../db/schema.ts";
import { notFound } from "../platform/errors.ts";

/** One evidence record as the assessment-results export needs it. */
export interface EvidenceRow {
  id: string;
  kind: string;
  title: string;
  note: string;
  url: string | null;
  file_sha256: string | null;
  file_name: string | null;
  media_type: string | null;
  valid_from: string | null;
  valid_until: string | null;
  created_at: string;
}

/** An assessment with everything its OSCAL export shows, read in a fixed number of statements. */
export interface AssessmentForExport {
  org: { id: string; nameJa: string; nameEn: string };
  assessment: Database["assessments"];
  system: Pick<Database["ai_systems"], "id" | "code" | "name_ja" | "name_en" | "purpose" | "lifecycle">;
  /** Applicable rows, in the assessment's order. */
  items: Database["assessment_items"][];
  /** Requirement URN → the organisation's controls mapped to it. */
  controlsByUrn: Map<string, { id: string; code: string; title_ja: string; title_en: string; status: string }[]>;
  /** Row id or control id → the evidence linked to it. */
  evidenceByTarget: Map<string, EvidenceRow[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Reads one assessment of the organisation for export: the assessment and its system, the
 * applicable rows, the controls mapped to their requirements and the evidence linked to rows or
 * controls. Every statement is scoped by `orgId`; another organisation's assessment is not found.
 */
export async function readAssessmentForExport(db: Kysely<Database>, orgId: string, assessmentId: string): Promise<AssessmentForExport> {
  const assessment = await db.selectFrom("assessments").selectAll().where("org_id", "=", orgId).where("id", "=", assessmentId).executeTakeFirst();
  if (!assessment) throw notFound();
  const [org, system, items] = await Promise.all([
    db.selectFrom("organizations").select(["id", "name_ja", "name_en"]).where("id", "=", orgId).executeTakeFirstOrThrow(),
    db.selectFrom("ai_systems").select(["id", "code", "name_ja", "name_en", "purpose", "lifecycle"]).where("org_id", "=", orgId).where("id", "=", assessment.system_id).executeTakeFirstOrThrow(),
    db.selectFrom("assessment_items").selectAll().where("org_id", "=", orgId).where("assessment_id", "=", assessmentId).where("applicable", "=", 1).orderBy("position").orderBy("id").execute(),
  ]);

  const controlsByUrn: AssessmentForExport["controlsByUrn"] = new Map();
  await inChunks([...new Set(items.map((i) => i.requirement_urn))], 500, async (urns) => {
    const rows = await db
      .selectFrom("control_requirements as cr")
      .innerJoin("controls as c", (j) => j.onRef("c.id", "=", "cr.control_id").on("c.org_id", "=", orgId))
      .select(["cr.requirement_urn", "c.id", "c.code", "c.title_ja", "c.title_en", "c.status"])
      .where("cr.org_id", "=", orgId)
      .where("cr.requirement_urn", "in", urns)
      .orderBy("c.code")
      .execute();
    for (const { requirement_urn, ...control } of rows) push(controlsByUrn, requirement_urn, control);
  });

  const targets = [...items.map((i) => i.id), ...new Set([...controlsByUrn.values()].flat().map((c) => c.id))];
  const evidenceByTarget: AssessmentForExport["evidenceByTarget"] = new Map();
  await inChunks(targets, 500, async (chunk) => {
    const rows = await db
      .selectFrom("evidence_links as l")
      .innerJoin("evidence as e", (j) => j.onRef("e.id", "=", "l.evidence_id").on("e.org_id", "=", orgId))
      .select(["l.target_id", "e.id", "e.kind", "e.title", "e.note", "e.url", "e.file_sha256", "e.file_name", "e.media_type", "e.valid_from", "e.valid_until", "e.created_at"])
      .where("l.org_id", "=", orgId)
      .where("l.target_type", "in", ["item", "control"])
      .where("l.target_id", "in", chunk)
      .orderBy("e.created_at")
      .orderBy("e.id")
      .execute();
    for (const { target_id, ...evidence } of rows) push(evidenceByTarget, target_id, evidence);
  });

  return { org: { id: org.id, nameJa: org.name_ja, nameEn: org.name_en }, assessment, system, items, controlsByUrn, evidenceByTarget };
}
