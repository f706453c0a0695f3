import type { Kysely } from "kysely";
import { inChunks } from "../../compliance/assessments.store.ts";
import type { Database } from "../../db/schema.ts";

/** One system's assessment against one framework, as the system page's posture bar counts it. */
export interface SystemPosture {
  /** Applicable rows that are met or not applicable. */
  done: number;
  /** Applicable rows. */
  total: number;
  signedOff: boolean;
}

/**
 * Posture of each system by framework: `systemId → framework → counts`, for systems with an
 * assessment. Two grouped statements per 500 systems (assessments, then their rows by effective
 * status), never one per system, so an export of thousands of systems stays a handful of reads.
 */
export async function readPostures(db: Kysely<Database>, orgId: string, systemIds: readonly string[]): Promise<Map<string, Map<string, SystemPosture>>> {
  const out = new Map<string, Map<string, SystemPosture>>();
  await inChunks(systemIds, 500, async (chunk) => {
    const assessments = await db
      .selectFrom("assessments")
      .select(["id", "system_id", "framework_id", "signed_off_at"])
      .where("org_id", "=", orgId)
      .where("system_id", "in", chunk)
      .execute();
    if (assessments.length === 0) return;
    const byAssessment = new Map<string, SystemPosture>();
    for (const a of assessments) {
      const p: SystemPosture = { done: 0, total: 0, signedOff: a.signed_off_at !== null };
      byAssessment.set(a.id, p);
      let frameworks = out.get(a.system_id);
      if (!frameworks) out.set(a.system_id, (frameworks = new Map()));
      frameworks.set(a.framework_id, p);
    }
    await inChunks([...byAssessment.keys()], 500, async (ids) => {
      const rows = await db
        .selectFrom("assessment_items")
        .select(["assessment_id", "effective", (eb) => eb.fn.countAll<number>().as("n")])
        .where("org_id", "=", orgId)
        .where("assessment_id", "in", ids)
        .where("applicable", "=", 1)
        .groupBy(["assessment_id", "effective"])
        .execute();
      for (const r of rows) {
        const p = byAssessment.get(r.assessment_id)!;
        const n = Number(r.n);
        p.total += n;
        if (r.effective === "met" || r.effective === "not_applicable") p.done += n;
      }
    });
  });
  return out;
}
