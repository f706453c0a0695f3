import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * What kind of tenant an organisation is (issue 16): an `organization` that governs its own AI, or
 * an `authority` (a ministry's AI secretariat, the PPC, a sector regulator) whose people also hold
 * the oversight roles. Every organisation that existed before is an ordinary one.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable("organizations")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("organization"))
    .execute();
}
