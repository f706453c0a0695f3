import type { Kysely, Transaction } from "kysely";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database, Department } from "../db/schema.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { containsText, parseSort, type Page } from "../platform/pagination.ts";
import { nowIso } from "../platform/time.ts";
import type { DepartmentView, ListDepartmentsQuery } from "./orgs.schema.ts";

type Q = Kysely<Database> | Transaction<Database>;

export function presentDepartment(d: Department): DepartmentView {
  return {
    id: d.id,
    code: d.code,
    nameJa: d.name_ja,
    nameEn: d.name_en,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    version: d.version,
  };
}

function getDepartment(db: Q, orgId: string, id: string) {
  return db.selectFrom("departments").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
}

const SORT_COLUMNS = { code: "code", nameJa: "name_ja", nameEn: "name_en", createdAt: "created_at" } as const;

export async function listDepartments(db: Q, orgId: string, q: ListDepartmentsQuery): Promise<Page<DepartmentView>> {
  let base = db.selectFrom("departments").where("org_id", "=", orgId);
  if (q.q) {
    const text = q.q;
    base = base.where((eb) =>
      eb.or([containsText("code", text), containsText("name_ja", text), containsText("name_en", text)]),
    );
  }
  const { field, direction } = parseSort<keyof typeof SORT_COLUMNS>(q.sort);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy(SORT_COLUMNS[field], direction).orderBy("id").limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentDepartment), total: Number(count.n), limit: q.limit, offset: q.offset };
}

export async function readDepartment(db: Db, orgId: string, id: string): Promise<DepartmentView> {
  const row = await getDepartment(db.kysely, orgId, id);
  if (!row) throw notFound();
  return presentDepartment(row);
}

export async function createDepartment(
  db: Db,
  who: ChangeContext,
  input: { code: string; nameJa: string; nameEn: string },
): Promise<DepartmentView> {
  return audited(db, who, async (trx, record) => {
    const clash = await trx
      .selectFrom("departments")
      .select("id")
      .where("org_id", "=", who.orgId)
      .where("code", "=", input.code)
      .executeTakeFirst();
    if (clash) throw new AppError(409, "code_taken", { field: "body.code" });
    const now = nowIso();
    const row = await trx
      .insertInto("departments")
      .values({ id: newId("dep"), org_id: who.orgId, code: input.code, name_ja: input.nameJa, name_en: input.nameEn, created_at: now, updated_at: now, version: 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentDepartment(row);
    record({ action: "department.created", entityType: "department", entityId: row.id, after: view });
    return view;
  });
}

export async function updateDepartment(
  db: Db,
  who: ChangeContext,
  id: string,
  input: { version: number; nameJa?: string | undefined; nameEn?: string | undefined },
): Promise<DepartmentView> {
  return audited(db, who, async (trx, record) => {
    const current = await getDepartment(trx, who.orgId, id);
    if (!current) throw notFound();
    const before = presentDepartment(current);
    if (current.version !== input.version) throw new AppError(409, "conflict", { current: before });
    const row = await trx
      .updateTable("departments")
      .set({
        name_ja: input.nameJa ?? current.name_ja,
        name_en: input.nameEn ?? current.name_en,
        updated_at: nowIso(),
        version: current.version + 1,
      })
      .where("org_id", "=", who.orgId)
      .where("id", "=", id)
      .where("version", "=", input.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError(409, "conflict", { current: before });
    const after = presentDepartment(row);
    record({ action: "department.updated", entityType: "department", entityId: id, before, after });
    return after;
  });
}

/** Deletes a department nobody and no system belongs to; one with members or systems answers 409 rather than orphaning them. */
export async function deleteDepartment(db: Db, who: ChangeContext, id: string): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const current = await getDepartment(trx, who.orgId, id);
    if (!current) throw notFound();
    const member = await trx
      .selectFrom("users")
      .select("id")
      .where("org_id", "=", who.orgId)
      .where("department_id", "=", id)
      .executeTakeFirst();
    if (member) throw new AppError(409, "in_use", { reason: "members" });
    const system = await trx.selectFrom("ai_systems").select("id").where("org_id", "=", who.orgId).where("department_id", "=", id).executeTakeFirst();
    if (system) throw new AppError(409, "in_use", { reason: "systems" });
    await trx.deleteFrom("departments").where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "department.deleted", entityType: "department", entityId: id, before: presentDepartment(current) });
  });
}
