import type { Transaction } from "kysely";
import type { Applicable, Evaluation } from "../applicability/evaluate.ts";
import type { Database } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { controlStatusByUrn, countItem, inChunks } from "./assessments.store.ts";
import type { CounterDeltas } from "./counters.ts";
import { effectiveStatus } from "./statuses.ts";

/** The requirements of one framework an evaluation says apply now or later, in the engine's order. */
export function applicableIn(evaluation: Evaluation, framework: string): Applicable[] {
  const prefix = `urn:musubi:${framework}:`;
  return evaluation.requirements.filter((r) => r.timing !== "ended" && r.urn.startsWith(prefix));
}

/** `urn:musubi:eu-ai-act:2026-07-27:art-9.1` → `art-9.1`: the node's id across framework versions. */
export function nodeIdOf(urn: string): string {
  return urn.split(":").slice(4).join(":");
}

export interface NewItem {
  assessmentId: string;
  systemId: string;
  framework: string;
  requirement: Applicable;
  position: number;
  change: "new" | null;
  /** Carried from a row of an earlier framework version with the same node id. */
  carried?: Database["assessment_items"];
}

/** Inserts assessment rows whose effective status comes from the answer carried over or the mapped controls. */
export async function insertItems(trx: Transaction<Database>, orgId: string, items: NewItem[], d: CounterDeltas): Promise<void> {
  if (items.length === 0) return;
  const fromControls = await controlStatusByUrn(trx, orgId, items.map((i) => i.requirement.urn));
  const now = nowIso();
  const rows: Database["assessment_items"][] = items.map((i) => {
    const answer = i.carried?.answer ?? null;
    const effective = effectiveStatus(answer, fromControls.get(i.requirement.urn) ?? null);
    countItem(d, i.framework, i.requirement.urn, effective, 1);
    return {
      id: newId("itm"),
      org_id: orgId,
      assessment_id: i.assessmentId,
      system_id: i.systemId,
      framework_id: i.framework,
      requirement_urn: i.requirement.urn,
      position: i.position,
      applicable: 1,
      change: i.change,
      timing: i.requirement.timing,
      applies_from: i.requirement.from,
      answer,
      answer_source: i.carried?.answer_source ?? null,
      inference: i.carried?.inference ?? null,
      effective,
      justification: i.carried?.justification ?? null,
      owner_id: i.carried?.owner_id ?? null,
      due_date: i.carried?.due_date ?? null,
      comment: i.carried?.comment ?? null,
      answered_by: i.carried?.answered_by ?? null,
      answered_at: i.carried?.answered_at ?? null,
      updated_at: now,
      version: 1,
    };
  });
  await inChunks(rows, 40, async (chunk) => {
    await trx.insertInto("assessment_items").values(chunk).execute();
  });
}

export interface SyncSummary {
  added: number;
  removed: number;
}

/**
 * Brings a system's assessments in line with a new evaluation of its profile (or a new library):
 * requirements that now apply get rows marked `new`; rows whose requirement no longer applies are
 * kept with their answers, marked `removed` and left out of every count; answers given against an
 * earlier framework version move to the same node of the new one. Nothing a person wrote is lost.
 */
export async function syncSystemAssessments(
  trx: Transaction<Database>,
  orgId: string,
  systemId: string,
  library: Library,
  evaluation: Evaluation,
  d: CounterDeltas,
): Promise<SyncSummary> {
  const assessments = await trx.selectFrom("assessments").selectAll().where("org_id", "=", orgId).where("system_id", "=", systemId).execute();
  if (assessments.length === 0) return { added: 0, removed: 0 };
  const items = await trx.selectFrom("assessment_items").selectAll().where("org_id", "=", orgId).where("system_id", "=", systemId).execute();
  const summary: SyncSummary = { added: 0, removed: 0 };
  const toInsert: NewItem[] = [];
  const now = nowIso();

  for (const a of assessments) {
    const want = applicableIn(evaluation, a.framework_id);
    const wantByUrn = new Map(want.map((r) => [r.urn, r]));
    const rows = items.filter((i) => i.assessment_id === a.id);
    const byUrn = new Map(rows.map((r) => [r.requirement_urn, r]));
    let position = rows.reduce((m, r) => Math.max(m, r.position), 0);

    for (const row of rows) {
      const req = wantByUrn.get(row.requirement_urn);
      if (!req && row.applicable === 1) {
        countItem(d, a.framework_id, row.requirement_urn, row.effective, -1);
        summary.removed++;
        await trx.updateTable("assessment_items").set({ applicable: 0, change: "removed", updated_at: now, version: row.version + 1 }).where("org_id", "=", orgId).where("id", "=", row.id).execute();
      } else if (req && (row.applicable === 0 || row.timing !== req.timing || row.applies_from !== req.from)) {
        if (row.applicable === 0) {
          countItem(d, a.framework_id, row.requirement_urn, row.effective, 1);
          summary.added++;
        }
        await trx
          .updateTable("assessment_items")
          .set({ applicable: 1, change: row.applicable === 0 ? "new" : row.change, timing: req.timing, applies_from: req.from, updated_at: now, version: row.version + 1 })
          .where("org_id", "=", orgId)
          .where("id", "=", row.id)
          .execute();
      }
    }
    // Rows of an earlier version of the framework, by node id, to carry answers across versions.
    const earlier = new Map(rows.filter((r) => !wantByUrn.has(r.requirement_urn) && r.answer !== null).map((r) => [nodeIdOf(r.requirement_urn), r]));
    for (const req of want) {
      if (byUrn.has(req.urn)) continue;
      const carried = earlier.get(nodeIdOf(req.urn));
      toInsert.push({ assessmentId: a.id, systemId, framework: a.framework_id, requirement: req, position: ++position, change: "new", ...(carried ? { carried } : {}) });
      summary.added++;
    }
    const version = library.current.get(a.framework_id)?.file.version ?? a.framework_version;
    if (version !== a.framework_version || a.library_digest !== library.digest) {
      await trx.updateTable("assessments").set({ framework_version: version, library_digest: library.digest, updated_at: now }).where("org_id", "=", orgId).where("id", "=", a.id).execute();
    }
  }
  await insertItems(trx, orgId, toInsert, d);
  return summary;
}
