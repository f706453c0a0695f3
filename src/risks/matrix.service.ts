import type { Kysely, Transaction } from "kysely";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../platform/errors.ts";
import { nowIso } from "../platform/time.ts";
import { DEFAULT_RISK_MATRIX, riskMatrix, type RiskMatrix, type RiskMatrixView } from "./matrix.schema.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** The organisation's matrix, or the default while it has not configured one (version 0). */
export async function readRiskMatrix(db: Q, orgId: string): Promise<RiskMatrixView> {
  const row = await db.selectFrom("risk_matrices").selectAll().where("org_id", "=", orgId).executeTakeFirst();
  if (!row) return { matrix: DEFAULT_RISK_MATRIX, isDefault: true, updatedAt: null, version: 0 };
  return { matrix: riskMatrix.parse(JSON.parse(row.config)), isDefault: false, updatedAt: row.updated_at, version: row.version };
}

/**
 * Replaces the matrix. Levels are kept by number, so relabelling and recolouring are free; a
 * smaller matrix is refused while any risk is rated on a level it would drop.
 */
export async function updateRiskMatrix(db: Db, who: ChangeContext, input: { version: number; matrix: RiskMatrix }): Promise<RiskMatrixView> {
  await audited(db, who, async (trx, record) => {
    const current = await readRiskMatrix(trx, who.orgId);
    if (current.version !== input.version) throw new AppError(409, "conflict", { current });
    const used = await trx
      .selectFrom("risks")
      .select((eb) => [
        eb.fn.max("inherent_likelihood").as("il"),
        eb.fn.max("inherent_impact").as("ii"),
        eb.fn.max("residual_likelihood").as("rl"),
        eb.fn.max("residual_impact").as("ri"),
      ])
      .where("org_id", "=", who.orgId)
      .executeTakeFirstOrThrow();
    const maxL = Math.max(Number(used.il ?? 0), Number(used.rl ?? 0));
    const maxI = Math.max(Number(used.ii ?? 0), Number(used.ri ?? 0));
    if (maxL > input.matrix.likelihood.length || maxI > input.matrix.impact.length) {
      throw new AppError(409, "matrix_in_use", { likelihoodInUse: maxL, impactInUse: maxI });
    }
    const now = nowIso();
    const config = JSON.stringify(input.matrix);
    if (current.isDefault) await trx.insertInto("risk_matrices").values({ org_id: who.orgId, config, updated_at: now, version: 1 }).execute();
    else await trx.updateTable("risk_matrices").set({ config, updated_at: now, version: current.version + 1 }).where("org_id", "=", who.orgId).execute();
    record({ action: "risk_matrix.updated", entityType: "risk_matrix", entityId: who.orgId, before: current.matrix, after: input.matrix });
  });
  return readRiskMatrix(db.kysely, who.orgId);
}
