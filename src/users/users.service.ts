import { auditActorOf, audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { hashPassword } from "../auth/secrets.ts";
import type { Actor } from "../platform/authz.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { AppDeps } from "../platform/http/route.ts";
import { newId, newSecret } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { presentUser } from "./users.present.ts";
import type { CreateUserInput, UpdateUserInput, UserView } from "./users.schema.ts";
import {
  countActiveAdmins,
  departmentInOrg,
  emailExists,
  getUser,
  insertUser,
  updateUserVersioned,
} from "./users.store.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { assertRoleFitsOrg } from "../orgs/org-roles.ts";

function badDepartment() {
  return new AppError(400, "validation_failed", [
    { field: "body.departmentId", code: "not_found", message: fieldText("no_such_department") },
  ]);
}

/**
 * Creates a user in an organisation. Without a password in the input an initial one is generated
 * and returned once, for the administrator to hand over.
 */
export async function createUser(
  db: Db,
  who: ChangeContext,
  input: CreateUserInput,
): Promise<{ user: UserView; initialPassword?: string }> {
  const initialPassword = input.password ? undefined : newSecret(12);
  // Hashing happens before the transaction: it takes ~10 ms and must not hold the writer lock.
  const passwordHash = await hashPassword(input.password ?? initialPassword!);
  const user = await audited(db, who, async (trx, record) => {
    if (await emailExists(trx, input.email)) throw new AppError(409, "email_taken");
    if (input.departmentId && !(await departmentInOrg(trx, who.orgId, input.departmentId))) throw badDepartment();
    await assertRoleFitsOrg(trx, who.orgId, input.role, "body.role");
    const now = nowIso();
    const row = await insertUser(trx, {
      id: newId("usr"),
      org_id: who.orgId,
      email: input.email,
      display_name: input.displayName,
      role: input.role,
      password_hash: passwordHash,
      status: "active",
      locale: input.locale,
      department_id: input.departmentId ?? null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    const view = presentUser(row);
    record({ action: "user.created", entityType: "user", entityId: row.id, after: view });
    return view;
  });
  return initialPassword ? { user, initialPassword } : { user };
}

/**
 * Applies an edit made against `input.version`. A stale version answers 409 with the current
 * record, so the editor sees what the other person changed instead of overwriting it.
 */
export async function updateUser(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateUserInput,
  requestId: string,
): Promise<UserView> {
  return audited(deps.db, { actor: auditActorOf(actor), orgId: actor.orgId, requestId }, async (trx, record) => {
    const current = await getUser(trx, actor.orgId, id);
    if (!current) throw notFound();
    if (current.version !== input.version) {
      throw new AppError(409, "conflict", { current: presentUser(current) });
    }
    if (input.departmentId && !(await departmentInOrg(trx, actor.orgId, input.departmentId))) throw badDepartment();
    if (input.role !== undefined && input.role !== current.role) await assertRoleFitsOrg(trx, actor.orgId, input.role, "body.role");
    const losesAdmin =
      current.role === "admin" &&
      current.status === "active" &&
      ((input.role !== undefined && input.role !== "admin") || input.status === "disabled");
    if (losesAdmin && (await countActiveAdmins(trx, actor.orgId)) <= 1) throw new AppError(409, "last_admin");

    const updated = await updateUserVersioned(trx, actor.orgId, id, input.version, {
      ...(input.displayName !== undefined && { display_name: input.displayName }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.locale !== undefined && { locale: input.locale }),
      ...(input.departmentId !== undefined && { department_id: input.departmentId }),
      updated_at: nowIso(),
    });
    if (!updated) throw new AppError(409, "conflict", { current: presentUser(current) });
    const before = presentUser(current);
    const after = presentUser(updated);
    const action = before.role !== after.role ? "user.role_changed" : "user.updated";
    record({ action, entityType: "user", entityId: id, before, after });
    if (after.status === "disabled" && before.status !== "disabled") {
      // A disabled account's sessions end now, not when they expire.
      await trx
        .updateTable("sessions")
        .set({ revoked_at: nowIso() })
        .where("org_id", "=", actor.orgId)
        .where("user_id", "=", id)
        .where("revoked_at", "is", null)
        .execute();
    }
    return after;
  });
}

export async function readUser(deps: AppDeps, actor: Actor, id: string): Promise<UserView> {
  const row = await getUser(deps.db.kysely, actor.orgId, id);
  if (!row) throw notFound();
  return presentUser(row);
}
