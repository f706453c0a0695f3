import type { Kysely, Transaction } from "kysely";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import type { Actor } from "../platform/authz.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { assertCanEditSystem } from "../systems/systems.policy.ts";
import { getSystemRow } from "../systems/systems.store.ts";
import { frameworkLabel } from "../library/library.present.ts";
import { updateItemIn } from "./assessments.service.ts";
import { compareWorkbook, type Comparison, type People } from "./assessments.xlsx.compare.ts";
import { workbookMismatch, type AssessmentWorkbook } from "./assessments.xlsx.read.ts";
import { ROW_OUTCOMES, type ApplyResult, type WorkbookReport } from "./assessments.xlsx.schema.ts";

type Q = Kysely<Database> | Transaction<Database>;

/**
 * The assessment and its system, when the caller may answer its rows: 404 for an assessment the
 * organisation does not have, 403 for a system owner who does not own its system. Checked before
 * an upload is read, and again inside the transaction that writes.
 */
export async function assertCanImport(db: Q, actor: Actor, assessmentId: string) {
  const assessment = await db.selectFrom("assessments").selectAll().where("org_id", "=", actor.orgId).where("id", "=", assessmentId).executeTakeFirst();
  if (!assessment) throw notFound();
  const system = await getSystemRow(db, actor.orgId, assessment.system_id);
  if (!system) throw notFound();
  assertCanEditSystem(actor, system);
  return { assessment, system };
}

/**
 * Everything the comparison needs, in four statements: the assessment, its system (to check the
 * caller may edit it, as `updateItem` will), every row of the assessment, and the organisation's
 * people. A workbook of another assessment is refused before any row is looked at.
 */
async function loadState(db: Q, library: Library, actor: Actor, assessmentId: string, wb: AssessmentWorkbook) {
  const { assessment, system } = await assertCanImport(db, actor, assessmentId);
  if (wb.assessmentId !== assessmentId) throw workbookMismatch("other_assessment");
  const rows = await db.selectFrom("assessment_items").selectAll().where("org_id", "=", actor.orgId).where("assessment_id", "=", assessmentId).execute();
  const users = await db.selectFrom("users").select(["id", "email", "display_name"]).where("org_id", "=", actor.orgId).execute();
  const people: People = { byId: new Map(), byEmail: new Map() };
  for (const u of users) {
    people.byId.set(u.id, { email: u.email, name: u.display_name });
    people.byEmail.set(u.email.toLowerCase(), { id: u.id, name: u.display_name });
  }
  const fw = library.current.get(assessment.framework_id)?.file;
  const head: WorkbookReport["assessment"] = {
    id: assessment.id,
    frameworkName: fw ? frameworkLabel(fw) : { en: assessment.framework_id },
    system: { code: system.code, nameJa: system.name_ja, nameEn: system.name_en },
  };
  return { head, items: new Map(rows.map((r) => [r.id, r])), people };
}

function reportOf(head: WorkbookReport["assessment"], wb: AssessmentWorkbook, comparison: Comparison): WorkbookReport {
  const counts = Object.fromEntries(ROW_OUTCOMES.map((o) => [o, 0])) as WorkbookReport["counts"];
  for (const r of comparison.rows) counts[r.outcome]++;
  return { assessment: head, exportedAt: wb.exportedAt, counts, rows: comparison.rows };
}

/** What applying the workbook would do, row by row, written nowhere. */
export async function previewWorkbook(db: Db, library: Library, actor: Actor, assessmentId: string, wb: AssessmentWorkbook): Promise<WorkbookReport> {
  const state = await loadState(db.kysely, library, actor, assessmentId, wb);
  return reportOf(state.head, wb, compareWorkbook(wb, state.items, state.people, library));
}

/**
 * Writes the workbook's changes in one transaction, each row through `updateItemIn` — the same
 * checks, version guard, counters, sign-off withdrawal and ledger entry as an answer from the UI —
 * after comparing again inside that transaction, so what is written is what is there now. Any
 * invalid row refuses the whole file (422 `import_has_errors`, the report in `details`) unless
 * `skipInvalid`. Conflicts are skipped and listed, except rows named in `overwrite` with the
 * version the person saw: a row that changed again since stays skipped.
 */
export async function applyWorkbook(
  db: Db,
  library: Library,
  who: ChangeContext,
  actor: Actor,
  assessmentId: string,
  wb: AssessmentWorkbook,
  opts: { skipInvalid?: boolean | undefined; overwrite?: Map<number, number> | undefined },
): Promise<ApplyResult> {
  return audited(db, who, async (trx, record) => {
    const state = await loadState(trx, library, actor, assessmentId, wb);
    const comparison = compareWorkbook(wb, state.items, state.people, library);
    const report = reportOf(state.head, wb, comparison);
    const invalid = comparison.rows.filter((r) => r.outcome === "invalid").map((r) => r.line);
    if (invalid.length > 0 && !opts.skipInvalid) throw new AppError(422, "import_has_errors", { invalid, report });
    const applied: number[] = [];
    const overwritten: number[] = [];
    const conflict: number[] = [];
    for (const w of comparison.writes) {
      await updateItemIn(trx, record, who, actor, w.itemId, w.input);
      applied.push(w.line);
    }
    for (const c of comparison.conflicts) {
      if (c.canOverwrite && opts.overwrite?.get(c.line) === c.version) {
        await updateItemIn(trx, record, who, actor, c.itemId, c.input);
        overwritten.push(c.line);
      } else conflict.push(c.line);
    }
    return { applied, overwritten, skipped: { conflict, invalid }, report };
  });
}
