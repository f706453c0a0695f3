import { sql, type Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * The risk register's default order — current rating (residual likelihood × impact, else
 * inherent), then impact — served by an index (issue 20). It holds the very expressions the list
 * sorts by (`risks.service.ts`), so both databases walk it for a page instead of computing every
 * risk's rating and sorting them all: at 50,000 risks one request took 47–67 ms and the register
 * answered 15–21 requests a second with the page cache off.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await sql`create index risks_org_rating on risks (org_id, (coalesce(residual_likelihood, inherent_likelihood) * coalesce(residual_impact, inherent_impact)), (coalesce(residual_impact, inherent_impact)), id)`.execute(db);
}
