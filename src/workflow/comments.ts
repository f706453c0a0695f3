import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

/** Comments on a record, oldest first, with their authors' names. */
export async function listComments(db: Kysely<Database>, orgId: string, subjectType: string, subjectId: string) {
  const rows = await db
    .selectFrom("comments as c")
    .leftJoin("users as u", (j) => j.onRef("u.id", "=", "c.author_id").on("u.org_id", "=", orgId))
    .select(["c.id", "c.author_id", "u.display_name", "c.body", "c.created_at"])
    .where("c.org_id", "=", orgId)
    .where("c.subject_type", "=", subjectType)
    .where("c.subject_id", "=", subjectId)
    .orderBy("c.created_at")
    .orderBy("c.id")
    .limit(1000)
    .execute();
  return rows.map((r) => ({ id: r.id, author: r.author_id ? { id: r.author_id, displayName: r.display_name ?? r.author_id } : null, body: r.body, createdAt: r.created_at }));
}
