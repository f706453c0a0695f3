import { z } from "zod";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { RIGHTS, SEVERITIES } from "../incidents/vocabulary.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { nowIso } from "../platform/time.ts";
import { readIntake, type IntakeDetail } from "./intake.store.ts";
import { applyTrend, isCounted } from "./trends.tags.ts";

/** What an analyst decides about a submission; absent fields are left as they are. */
export const triageBody = z.strictObject({
  version: z.number().int().min(1),
  /** `duplicate` takes it out of the trends (say which in `duplicateOf`); `closed` keeps it counted. */
  status: z.enum(["new", "triaged", "duplicate", "closed"]).optional(),
  severity: z.enum(SEVERITIES).nullable().optional(),
  sector: z.string().max(100).nullable().optional(),
  rights: z.array(z.enum(Object.keys(RIGHTS) as [keyof typeof RIGHTS, ...(keyof typeof RIGHTS)[]])).max(20).optional(),
  assigneeId: z.string().max(100).nullable().optional(),
  caseId: z.string().max(100).nullable().optional(),
  duplicateOf: z.string().max(100).nullable().optional(),
});
export type TriageBody = z.infer<typeof triageBody>;

const OVERSIGHT_PEOPLE = ["admin", "supervisor", "analyst"];

/**
 * Triage: severity, sector, rights affected, assignment, the case it belongs to, or "duplicate of".
 * The trends follow in the same transaction (the submission is counted out under its old values
 * and in under its new ones), and the change goes in the authority's ledger.
 */
export async function triageIntake(db: Db, who: ChangeContext, sectors: readonly string[], id: string, body: TriageBody): Promise<IntakeDetail> {
  const k = db.kysely;
  const problems: { field: string; message: string }[] = [];
  if (body.sector != null && !sectors.includes(body.sector)) problems.push({ field: "body.sector", message: fieldText("unknown_sector") });
  if (body.assigneeId) {
    const person = await k.selectFrom("users").select("role").where("org_id", "=", who.orgId).where("id", "=", body.assigneeId).where("status", "=", "active").executeTakeFirst();
    if (!person || !OVERSIGHT_PEOPLE.includes(person.role)) problems.push({ field: "body.assigneeId", message: fieldText("no_such_record") });
  }
  if (body.caseId && !(await k.selectFrom("oversight_cases").select("id").where("org_id", "=", who.orgId).where("id", "=", body.caseId).executeTakeFirst())) problems.push({ field: "body.caseId", message: fieldText("no_such_record") });
  if (body.duplicateOf && (body.duplicateOf === id || !(await k.selectFrom("oversight_intake").select("id").where("org_id", "=", who.orgId).where("id", "=", body.duplicateOf).executeTakeFirst()))) problems.push({ field: "body.duplicateOf", message: fieldText("no_such_record") });
  if (problems.length) throw new AppError(400, "validation_failed", problems);

  await audited(db, who, async (trx, record) => {
    const before = await trx.selectFrom("oversight_intake").selectAll().where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!before) throw notFound();
    if (before.version !== body.version) throw new AppError(409, "conflict", { version: before.version });
    if (before.status === "superseded") throw new AppError(409, "intake_superseded");
    const changes = {
      ...(body.status !== undefined && { status: body.status }),
      ...(body.severity !== undefined && { severity: body.severity }),
      ...(body.sector !== undefined && { sector: body.sector }),
      ...(body.rights !== undefined && { rights: JSON.stringify(body.rights) }),
      ...(body.assigneeId !== undefined && { assignee_id: body.assigneeId }),
      ...(body.caseId !== undefined && { case_id: body.caseId }),
      ...(body.duplicateOf !== undefined && { duplicate_of: body.duplicateOf, ...(body.duplicateOf && { status: "duplicate" }) }),
    };
    const after = { ...before, ...changes, updated_at: nowIso(), version: before.version + 1 };
    await trx.updateTable("oversight_intake").set({ ...changes, updated_at: after.updated_at, version: after.version }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    await applyTrend(trx, who.orgId, isCounted(before) ? before : undefined, isCounted(after) ? after : undefined);
    const changed = Object.keys(changes) as (keyof typeof changes)[];
    record({
      action: "oversight.intake_triaged",
      entityType: "oversight_intake",
      entityId: id,
      before: Object.fromEntries(changed.map((c) => [c, before[c as keyof typeof before]])),
      after: Object.fromEntries(changed.map((c) => [c, after[c as keyof typeof after]])),
    });
  });
  return readIntake(k, who.orgId, id);
}
