import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { AppError } from "../platform/errors.ts";
import type { SubjectRef, SubjectType } from "./tasks.schema.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** Where each kind of subject lives and which of its columns name it. */
const SOURCES = {
  system: { table: "ai_systems", code: "code", ja: "name_ja", en: "name_en" },
  risk: { table: "risks", code: "code", ja: "title_ja", en: "title_en" },
  control: { table: "controls", code: "code", ja: "title_ja", en: "title_en" },
  incident: { table: "incidents", code: "code", ja: "title", en: "title" },
  vendor: { table: "vendors", code: "code", ja: "name", en: "name" },
} as const satisfies Record<SubjectType, { table: keyof Database; code: string; ja: string; en: string }>;

/** Names of the records tasks and approvals point at: one statement per kind present. */
export async function resolveSubjects(db: Q, orgId: string, refs: readonly { type: string; id: string }[]): Promise<Map<string, SubjectRef>> {
  const out = new Map<string, SubjectRef>();
  const byType = new Map<SubjectType, Set<string>>();
  for (const r of refs) {
    if (!(r.type in SOURCES)) continue;
    const t = r.type as SubjectType;
    if (!byType.has(t)) byType.set(t, new Set());
    byType.get(t)!.add(r.id);
  }
  for (const [type, ids] of byType) {
    const src = SOURCES[type];
    const rows = (await (db as Kysely<any>)
      .selectFrom(src.table)
      .select(["id", `${src.code} as code`, `${src.ja} as ja`, `${src.en} as en`])
      .where("org_id", "=", orgId)
      .where("id", "in", [...ids])
      .execute()) as { id: string; code: string; ja: string; en: string }[];
    for (const r of rows) out.set(`${type}:${r.id}`, { type, id: r.id, code: r.code, titleJa: r.ja, titleEn: r.en });
  }
  return out;
}

/** Refuses a subject that is not a record of the organisation (400 on the given field). */
export async function checkSubject(db: Q, orgId: string, type: SubjectType | null, id: string | null, field = "body.subjectId"): Promise<void> {
  if (type === null && id === null) return;
  if (type === null || id === null) throw new AppError(400, "validation_failed", [{ field, message: "Give the subject's type and id together" }]);
  const found = await resolveSubjects(db, orgId, [{ type, id }]);
  if (!found.has(`${type}:${id}`)) throw new AppError(400, "validation_failed", [{ field, message: `No ${type} with this id in the organisation` }]);
}
