import { sql, type Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Closes holes a security review found:
 * - `org_files`: which organisation uploaded which stored file. Bytes stay content-addressed and
 *   shared underneath, but a file can only be referenced by an organisation that uploaded it.
 *   Filled from the ledger's `file.stored` entries and from import jobs, the two ways files came in.
 * - `evidence.created_by_id`: who recorded a piece of evidence, so a system owner's rights over it
 *   can be decided the way they are for systems, risks and incidents (the label alone is not an id).
 * - `login_throttle`: sign-in attempt counters in the database, so they are counted atomically and
 *   shared by every server using it.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("org_files")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("org_files_pk", ["org_id", "sha256"])
    .execute();
  await fillOrgFilesFromHistory(db);

  await db.schema.alterTable("evidence").addColumn("created_by_id", "text").execute();
  // Labels are "email" for sessions and "email (token name)" for API tokens.
  await sql`
    update evidence set created_by_id = (
      select u.id from users u where u.org_id = evidence.org_id
        and (u.email = evidence.created_by or evidence.created_by like u.email || ' (token %')
      limit 1)`.execute(db);

  await db.schema
    .createTable("login_throttle")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_start", "bigint", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_throttle_window").on("login_throttle").column("window_start").execute();
}

/**
 * Who uploaded which file, from the ledger's `file.stored` entries and the import jobs (the two
 * ways files come in). Also used when restoring a backup made before `org_files` existed.
 */
export async function fillOrgFilesFromHistory(db: Kysely<any>): Promise<void> {
  await sql`
    insert into org_files (org_id, sha256, size, created_at)
    select org_id, entity_id, 0, min(ts) from audit_log
    where action = 'file.stored' and entity_type = 'file'
    group by org_id, entity_id`.execute(db);
  await sql`
    insert into org_files (org_id, sha256, size, created_at)
    select j.org_id, j.file_sha256, max(j.file_size), min(j.created_at) from import_jobs j
    where not exists (select 1 from org_files f where f.org_id = j.org_id and f.sha256 = j.file_sha256)
    group by j.org_id, j.file_sha256`.execute(db);
  // Sizes of files known only from the ledger come from the evidence that used them, if any.
  await sql`
    update org_files set size = coalesce((
      select max(e.file_size) from evidence e where e.org_id = org_files.org_id and e.file_sha256 = org_files.sha256
    ), 0) where size = 0`.execute(db);
}
