import type { Kysely, Transaction } from "kysely";
import type { Database, NewUser, User } from "../db/schema.ts";
import { containsText, parseSort } from "../platform/pagination.ts";
import type { ListUsersQuery } from "./users.schema.ts";

type Q = Kysely<Database> | Transaction<Database>;

const SORT_COLUMNS = { createdAt: "created_at", email: "email", displayName: "display_name", role: "role" } as const;

export async function listUsers(db: Q, orgId: string, q: ListUsersQuery): Promise<{ rows: User[]; total: number }> {
  let base = db.selectFrom("users").where("org_id", "=", orgId);
  if (q.role) base = base.where("role", "=", q.role);
  if (q.status) base = base.where("status", "=", q.status);
  if (q.departmentId) base = base.where("department_id", "=", q.departmentId);
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([containsText("email", text), containsText("display_name", text)]));
  }
  const { field, direction } = parseSort<keyof typeof SORT_COLUMNS>(q.sort);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy(SORT_COLUMNS[field], direction)
      .orderBy("id")
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function getUser(db: Q, orgId: string, id: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
}

/** Sign-in looks users up across organisations: an e-mail address names exactly one account. */
export function findUserByEmailForSignIn(db: Q, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
}

export async function emailExists(db: Q, email: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(db: Transaction<Database>, user: NewUser): Promise<User> {
  return db.insertInto("users").values(user).returningAll().executeTakeFirstOrThrow();
}

/** Updates only when `version` still matches; undefined means someone else changed the row first. */
export async function updateUserVersioned(
  db: Transaction<Database>,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<Pick<User, "display_name" | "role" | "status" | "locale" | "department_id" | "password_hash">> & {
    updated_at: string;
  },
): Promise<User | undefined> {
  return db
    .updateTable("users")
    .set({ ...patch, version: version + 1 })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}

export async function countActiveAdmins(db: Q, orgId: string): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("role", "=", "admin")
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function departmentInOrg(db: Q, orgId: string, departmentId: string): Promise<boolean> {
  const row = await db
    .selectFrom("departments")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", departmentId)
    .executeTakeFirst();
  return row !== undefined;
}
