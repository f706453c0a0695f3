import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import { recordId } from "../platform/record-id.ts";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { AssessmentItem, Database } from "../db/schema.ts";
import { coverageFrom, type DirectedEdge } from "../library/crosswalk.graph.ts";
import type { Library } from "../library/library.model.ts";
import type { Actor } from "../platform/authz.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { nowIso } from "../platform/time.ts";
import { assertCanEditSystem } from "../systems/systems.policy.ts";
import { getSystemRow } from "../systems/systems.store.ts";
import { refOf } from "./assessments.read.ts";
import { itemStatus, requirementRef } from "./assessments.schema.ts";
import { withdrawSignOff } from "./assessments.service.ts";
import { countItem } from "./assessments.store.ts";
import { applyCounters, CounterDeltas } from "./counters.ts";
import type { ItemStatus } from "./statuses.ts";
import { fieldText } from "../platform/http/field-messages.ts";

const relationship = z.enum(["equal", "superset", "subset", "intersect"]);
const text = z.object({ ja: z.string().optional(), en: z.string().optional() });

export const proposalView = z.object({
  itemId: z.string(),
  requirement: requirementRef,
  current: z.object({ answer: itemStatus.nullable(), answerSource: z.string().nullable(), effective: itemStatus }),
  proposed: itemStatus,
  /** The weakest relationship along the chain, and whether it carries full coverage. */
  relationship,
  full: z.boolean(),
  source: z.object({ itemId: z.string(), requirement: requirementRef, answer: itemStatus }),
  chain: z.array(z.object({ from: z.string(), to: z.string(), relationship, crosswalk: z.string(), provenance: z.string(), rationale: text })),
});
export type ProposalView = z.infer<typeof proposalView>;
export const inferenceView = z.object({ from: z.string(), proposals: z.array(proposalView), keptPersonAnswers: z.number().int() });
export const inferenceQuery = z.strictObject({ from: recordId });
export const acceptInferenceBody = z.strictObject({ from: recordId, itemIds: z.array(recordId).min(1).max(2000) });

/**
 * What one answer says about a requirement it is linked to. Met carries over as met only through
 * links that are all equal or superset (the source contains the target); otherwise as partially
 * met. Not met carries over only through equal or subset links (the target contains the source's
 * failing part). Partially met stays partially met. "Not applicable" is judged per framework and
 * carries nothing.
 */
export function propagate(answer: ItemStatus, full: boolean, path: readonly DirectedEdge[]): ItemStatus | null {
  if (answer === "met") return full ? "met" : "partially_met";
  if (answer === "partially_met") return "partially_met";
  if (answer === "not_met") return path.every((e) => e.relationship === "equal" || e.relationship === "subset") ? "not_met" : null;
  return null;
}

const RANK = { equal: 3, superset: 2, subset: 1, intersect: 0 } as const;
const SEVERITY: Record<string, number> = { not_met: 3, partially_met: 2, met: 1 };

async function loadPair(db: Kysely<Database> | Transaction<Database>, orgId: string, targetId: string, fromId: string) {
  const [target, source] = await Promise.all([
    db.selectFrom("assessments").selectAll().where("org_id", "=", orgId).where("id", "=", targetId).executeTakeFirst(),
    db.selectFrom("assessments").selectAll().where("org_id", "=", orgId).where("id", "=", fromId).executeTakeFirst(),
  ]);
  if (!target) throw notFound();
  if (!source || source.system_id !== target.system_id || source.id === target.id) {
    throw new AppError(400, "validation_failed", [{ field: "query.from", message: fieldText("same_system_assessment") }]);
  }
  const items = await db
    .selectFrom("assessment_items")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("assessment_id", "in", [target.id, source.id])
    .where("applicable", "=", 1)
    .execute();
  return { target, source, items };
}

/**
 * Proposals for the target assessment's rows nobody has answered, from the answers of another
 * assessment of the same system through the crosswalks (up to three hops). Each row gets its
 * strongest chain; between equally strong chains the more severe status wins, so inference never
 * paints a rosier picture than its sources. Rows a person answered are counted, never proposed.
 */
export function proposeFrom(library: Library, targetFramework: string, targetItems: AssessmentItem[], sourceItems: AssessmentItem[]): { proposals: ProposalView[]; keptPersonAnswers: number } {
  const open = new Map<string, AssessmentItem>();
  let kept = 0;
  for (const i of targetItems) {
    if (i.answer_source === "person") kept++;
    else open.set(i.requirement_urn, i);
  }
  const best = new Map<string, ProposalView>();
  for (const s of sourceItems) {
    if (s.answer === null || s.answer_source !== "person") continue;
    for (const cov of coverageFrom(library, s.requirement_urn, 3)) {
      const item = open.get(cov.urn);
      if (!item || !cov.urn.startsWith(`urn:musubi:${targetFramework}:`)) continue;
      const proposed = propagate(s.answer as ItemStatus, cov.full, cov.path);
      if (!proposed) continue;
      const known = best.get(item.id);
      if (known) {
        const stronger = RANK[cov.relationship] - RANK[known.relationship] || Number(cov.full) - Number(known.full);
        if (stronger < 0 || (stronger === 0 && (SEVERITY[proposed] ?? 0) <= (SEVERITY[known.proposed] ?? 0))) continue;
      }
      let from = s.requirement_urn;
      const chain = cov.path.map((e) => {
        const link = { from, to: e.to, relationship: e.relationship, crosswalk: e.crosswalk, provenance: e.edge.provenance, rationale: e.edge.rationale };
        from = e.to;
        return link;
      });
      best.set(item.id, {
        itemId: item.id,
        requirement: refOf(library, item.requirement_urn),
        current: { answer: item.answer as ItemStatus | null, answerSource: item.answer_source, effective: item.effective as ItemStatus },
        proposed,
        relationship: cov.relationship,
        full: cov.full,
        source: { itemId: s.id, requirement: refOf(library, s.requirement_urn), answer: s.answer as ItemStatus },
        chain,
      });
    }
  }
  const proposals = [...best.values()].sort((a, b) => a.requirement.urn.localeCompare(b.requirement.urn));
  return { proposals, keptPersonAnswers: kept };
}

export async function previewInference(db: Kysely<Database>, library: Library, orgId: string, targetId: string, fromId: string) {
  const { target, source, items } = await loadPair(db, orgId, targetId, fromId);
  const result = proposeFrom(library, target.framework_id, items.filter((i) => i.assessment_id === target.id), items.filter((i) => i.assessment_id === source.id));
  return { from: fromId, ...result };
}

/** Applies the chosen proposals, recomputed inside the transaction so a person's answer given meanwhile is never overwritten. */
export async function acceptInference(db: Db, library: Library, who: ChangeContext, actor: Actor, targetId: string, input: { from: string; itemIds: string[] }): Promise<{ accepted: number }> {
  return audited(db, who, async (trx, record) => {
    const { target, source, items } = await loadPair(trx, who.orgId, targetId, input.from);
    const system = await getSystemRow(trx, who.orgId, target.system_id);
    if (!system) throw notFound();
    assertCanEditSystem(actor, system);
    const { proposals } = proposeFrom(library, target.framework_id, items.filter((i) => i.assessment_id === target.id), items.filter((i) => i.assessment_id === source.id));
    const chosen = new Set(input.itemIds);
    const byId = new Map(items.map((i) => [i.id, i]));
    const d = new CounterDeltas();
    const now = nowIso();
    let accepted = 0;
    for (const p of proposals) {
      if (!chosen.has(p.itemId)) continue;
      const item = byId.get(p.itemId)!;
      const inference = { fromAssessment: source.id, fromItem: p.source.itemId, fromRequirement: p.source.requirement.urn, relationship: p.relationship, full: p.full, chain: p.chain.map((c) => ({ from: c.from, to: c.to, relationship: c.relationship, crosswalk: c.crosswalk })) };
      await trx
        .updateTable("assessment_items")
        .set({ answer: p.proposed, answer_source: "inferred", inference: JSON.stringify(inference), effective: p.proposed, answered_by: who.actor.label, answered_at: now, updated_at: now, version: item.version + 1 })
        .where("org_id", "=", who.orgId)
        .where("id", "=", item.id)
        .where((eb) => eb.or([eb("answer_source", "is", null), eb("answer_source", "<>", "person")]))
        .execute();
      countItem(d, item.framework_id, item.requirement_urn, item.effective, -1);
      countItem(d, item.framework_id, item.requirement_urn, p.proposed, 1);
      record({ action: "assessment_item.inferred", entityType: "assessment_item", entityId: item.id, before: { answer: item.answer, effective: item.effective }, after: { answer: p.proposed, ...inference } });
      accepted++;
    }
    await applyCounters(trx, who.orgId, d);
    if (accepted) await withdrawSignOff(trx, who.orgId, target.id, record);
    return { accepted };
  });
}
