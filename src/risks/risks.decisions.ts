import { audited, type ChangeContext } from "../audit/audited.ts";
import { applyCounters, CounterDeltas } from "../compliance/counters.ts";
import type { Db } from "../db/connect.ts";
import type { Risk } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import type { Actor } from "../platform/authz.ts";
import { AppError } from "../platform/errors.ts";
import { nowIso } from "../platform/time.ts";
import { completeReviewTasks } from "../workflow/tasks.service.ts";
import { readRiskMatrix } from "./matrix.service.ts";
import { readAcceptanceCheck } from "./risks.acceptance.ts";
import { assertCanEditRisk } from "./risks.policy.ts";
import type { RiskView } from "./risks.schema.ts";
import { countRiskChange, readRisk } from "./risks.service.ts";
import { getRiskRow } from "./risks.store.ts";

/**
 * Accepts a risk as it stands until `expiresOn`: who accepted it, when, why and until when go on
 * the risk and into the ledger. Acceptance is the decision of someone accountable for the
 * organisation's appetite, not of the people carrying or rating the risk: while the organisation's
 * `segregationOfDuties.riskAcceptance` is on (the default), its owner is refused (403
 * `self_approval`) and so is whoever registered or rated it (403 `acceptance_by_assessor`); see
 * {@link readAcceptanceCheck}. With the rule off, anyone holding `risks.accept` may accept.
 */
export async function acceptRisk(db: Db, library: Library, actor: Actor, who: ChangeContext, id: string, input: { version: number; expiresOn: string; note: string }, today: string): Promise<RiskView> {
  if (input.expiresOn <= today) throw new AppError(400, "validation_failed", [{ field: "body.expiresOn", message: "Acceptance must run past today" }]);
  await audited(db, who, async (trx, record) => {
    const before = await getRiskRow(trx, who.orgId, id);
    if (before.version !== input.version) throw new AppError(409, "conflict", { current: await readRisk(trx, library, who.orgId, id, today) });
    const mine = (await readAcceptanceCheck(trx, who.orgId, before)).barred.find((b) => b.id === actor.userId);
    if (mine?.reasons.includes("owner")) throw new AppError(403, "self_approval", { reason: "risk_owner" });
    if (mine) throw new AppError(403, "acceptance_by_assessor", { reasons: mine.reasons });
    const next: Risk = {
      ...before,
      status: "accepted",
      treatment: "accept",
      accepted_by: actor.userId,
      accepted_at: nowIso(),
      acceptance_expires_on: input.expiresOn,
      acceptance_note: input.note,
      updated_at: nowIso(),
      version: before.version + 1,
    };
    await trx.updateTable("risks").set(next).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({
      action: "risk.accepted",
      entityType: "risk",
      entityId: id,
      before: { status: before.status, treatment: before.treatment },
      after: { status: "accepted", acceptedBy: actor.userId, expiresOn: input.expiresOn, note: input.note, residual: [before.residual_likelihood, before.residual_impact], inherent: [before.inherent_likelihood, before.inherent_impact] },
    });
  });
  return readRisk(db.kysely, library, who.orgId, id, today);
}

/**
 * Records a review: the note, optionally a new residual rating, and the next review date (a year
 * on by default). The risk's open review tasks are done by the same act.
 */
export async function reviewRisk(
  db: Db,
  library: Library,
  actor: Actor,
  who: ChangeContext,
  id: string,
  input: { version: number; note: string; residualLikelihood?: number | null; residualImpact?: number | null; nextReviewOn?: string },
  today: string,
): Promise<RiskView> {
  const nextReviewOn = input.nextReviewOn ?? `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace(/-02-29$/, "-02-28");
  if (nextReviewOn <= today) throw new AppError(400, "validation_failed", [{ field: "body.nextReviewOn", message: "The next review must be after today" }]);
  await audited(db, who, async (trx, record) => {
    const before = await getRiskRow(trx, who.orgId, id);
    if (before.version !== input.version) throw new AppError(409, "conflict", { current: await readRisk(trx, library, who.orgId, id, today) });
    await assertCanEditRisk(trx, actor, before);
    const next: Risk = { ...before, last_reviewed_at: nowIso(), next_review_on: nextReviewOn, updated_at: nowIso(), version: before.version + 1 };
    if (input.residualLikelihood !== undefined) {
      const { matrix } = await readRiskMatrix(trx, who.orgId);
      if ((input.residualLikelihood ?? 0) > matrix.likelihood.length || (input.residualImpact ?? 0) > matrix.impact.length) {
        throw new AppError(400, "validation_failed", [{ field: "body.residualLikelihood", message: "Outside the organisation's matrix" }]);
      }
      next.residual_likelihood = input.residualLikelihood;
      next.residual_impact = input.residualImpact ?? null;
    }
    await trx.updateTable("risks").set(next).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    const d = new CounterDeltas();
    countRiskChange(d, before, next);
    await applyCounters(trx, who.orgId, d);
    record({
      action: "risk.reviewed",
      entityType: "risk",
      entityId: id,
      before: { residual: before.residual_likelihood === null ? null : [before.residual_likelihood, before.residual_impact], nextReviewOn: before.next_review_on },
      after: { note: input.note, residual: next.residual_likelihood === null ? null : [next.residual_likelihood, next.residual_impact], nextReviewOn },
    });
    await completeReviewTasks(trx, record, who.orgId, "risk", id, actor.userId);
  });
  return readRisk(db.kysely, library, who.orgId, id, today);
}
