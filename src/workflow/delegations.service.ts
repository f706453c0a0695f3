import type { Kysely } from "kysely";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import { type Actor, can } from "../platform/authz.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { userNames } from "./approvals.service.ts";

/**
 * Standing delegations (代理): while one runs, the delegate may decide the principal's approval
 * steps; the ledger records both names. People delegate their own approvals; administrators may
 * set one up for someone who is away.
 */
export async function createDelegation(db: Db, actor: Actor, who: ChangeContext, input: { principalId?: string | undefined; delegateId: string; startsOn: string; endsOn: string; note: string }) {
  const principal = input.principalId ?? actor.userId;
  if (principal !== actor.userId && !can(actor.role, "users.manage")) throw new AppError(403, "forbidden", { permission: "users.manage", reason: "not_self" });
  if (principal === input.delegateId) throw new AppError(400, "validation_failed", [{ field: "body.delegateId", message: "Delegate to someone else" }]);
  const id = await audited(db, who, async (trx, record) => {
    const found = await trx.selectFrom("users").select("id").where("org_id", "=", who.orgId).where("status", "=", "active").where("id", "in", [principal, input.delegateId]).execute();
    const ids = new Set(found.map((u) => u.id));
    const problems = [];
    if (!ids.has(principal)) problems.push({ field: "body.principalId", message: "No active user with this id in the organisation" });
    if (!ids.has(input.delegateId)) problems.push({ field: "body.delegateId", message: "No active user with this id in the organisation" });
    if (problems.length) throw new AppError(400, "validation_failed", problems);
    const row = { id: newId("dlg"), org_id: who.orgId, principal_id: principal, delegate_id: input.delegateId, starts_on: input.startsOn, ends_on: input.endsOn, note: input.note, created_at: nowIso() };
    await trx.insertInto("delegations").values(row).execute();
    record({ action: "delegation.created", entityType: "delegation", entityId: row.id, after: { principalId: principal, delegateId: input.delegateId, startsOn: input.startsOn, endsOn: input.endsOn } });
    return row.id;
  });
  return (await listDelegations(db.kysely, who.orgId, { id })).at(0)!;
}

export async function listDelegations(db: Kysely<Database>, orgId: string, filter: { id?: string; userId?: string }) {
  let q = db.selectFrom("delegations").selectAll().where("org_id", "=", orgId);
  if (filter.id) q = q.where("id", "=", filter.id);
  if (filter.userId) {
    const u = filter.userId;
    q = q.where((eb) => eb.or([eb("principal_id", "=", u), eb("delegate_id", "=", u)]));
  }
  const rows = await q.orderBy("starts_on", "desc").limit(500).execute();
  const names = await userNames(db, orgId, [...new Set(rows.flatMap((r) => [r.principal_id, r.delegate_id]))]);
  const person = (u: string) => ({ id: u, displayName: names.get(u) ?? u });
  return rows.map((r) => ({ id: r.id, principal: person(r.principal_id), delegate: person(r.delegate_id), startsOn: r.starts_on, endsOn: r.ends_on, note: r.note, createdAt: r.created_at }));
}

export async function deleteDelegation(db: Db, actor: Actor, who: ChangeContext, id: string): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const row = await trx.selectFrom("delegations").selectAll().where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound();
    if (row.principal_id !== actor.userId && !can(actor.role, "users.manage")) throw new AppError(403, "forbidden", { permission: "users.manage", reason: "not_self" });
    await trx.deleteFrom("delegations").where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "delegation.deleted", entityType: "delegation", entityId: id, before: { principalId: row.principal_id, delegateId: row.delegate_id } });
  });
}
