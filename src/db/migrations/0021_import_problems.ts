import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Every problem an import's validation found (issue 17): the job's report keeps the first 500 for
 * the screen; the whole list (errors and warnings, gzip JSON) is stored as one of the
 * organisation's files, for download as CSV or XLSX.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable("import_jobs").addColumn("problems_sha256", "text").execute();
}
