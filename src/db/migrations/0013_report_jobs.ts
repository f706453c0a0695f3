import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Report jobs: a management report (the board report, a framework's compliance report) written
 * in the background, its progress polled, and its file kept under the data folder for a day.
 * Rows are the organisation's own (tenant-scoped by `org_id`); the file is not in the database.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("report_jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("done", "integer", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull())
    .addColumn("file_name", "text")
    .addColumn("file_size", "integer")
    .addColumn("error", "text")
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("report_jobs_org_status").on("report_jobs").columns(["org_id", "status"]).execute();
  await db.schema.createIndex("report_jobs_created").on("report_jobs").columns(["created_at"]).execute();
}
