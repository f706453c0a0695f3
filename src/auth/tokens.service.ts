import type { Kysely, Transaction } from "kysely";
import { audited, auditActorOf, type AuditActor } from "../audit/audited.ts";
import type { ApiToken, Database } from "../db/schema.ts";
import { effectiveRole, isRole, isWithin, type Actor, type Role } from "../platform/authz.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { Db } from "../db/connect.ts";
import { newId, newSecret } from "../platform/ids.ts";
import { containsText, parseSort } from "../platform/pagination.ts";
import { isoPlus, nowIso } from "../platform/time.ts";
import type { ListTokensQuery, TokenView } from "./auth.schema.ts";
import { sha256, TOKEN_PREFIX } from "./secrets.ts";
import { assertRoleFitsOrg } from "../orgs/org-roles.ts";

/** A token as shown; `effectiveRole` is what it can do now, given its user's current role. */
export function presentToken(t: ApiToken & { user_role: string }): TokenView {
  return {
    id: t.id,
    name: t.name,
    role: t.role as Role,
    effectiveRole: isRole(t.user_role) ? effectiveRole(t.role as Role, t.user_role) : "viewer",
    prefix: t.prefix,
    userId: t.user_id,
    createdAt: t.created_at,
    expiresAt: t.expires_at,
    revokedAt: t.revoked_at,
  };
}

/**
 * Issues an API token scoped to one organisation and one role (an authority's oversight roles only
 * in an authority), never above its user's own role
 * (checked again on every request, so a later demotion demotes the token too). The secret is
 * returned once; only its SHA-256 is stored, so neither a database dump nor the ledger can be
 * replayed as a login.
 */
export async function issueToken(
  db: Db,
  who: { actor: AuditActor; orgId: string; userId: string; requestId?: string },
  input: { name: string; role: Role; expiresInDays?: number | undefined },
): Promise<{ token: TokenView; secret: string }> {
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const token = await audited(db, who, async (trx, record) => {
    const user = await trx.selectFrom("users").select(["role", "status"]).where("org_id", "=", who.orgId).where("id", "=", who.userId).executeTakeFirst();
    if (!user || user.status !== "active" || !isRole(user.role)) throw notFound();
    await assertRoleFitsOrg(trx, who.orgId, input.role, "body.role");
    if (!isWithin(input.role, user.role)) throw new AppError(422, "role_exceeds_user", { role: input.role, userRole: user.role });
    const row = await trx
      .insertInto("api_tokens")
      .values({
        id: newId("tok"),
        org_id: who.orgId,
        user_id: who.userId,
        name: input.name,
        role: input.role,
        token_hash: sha256(secret),
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        created_at: nowIso(),
        expires_at: input.expiresInDays ? isoPlus(input.expiresInDays * 86_400_000) : null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentToken({ ...row, user_role: user.role });
    record({ action: "token.created", entityType: "api_token", entityId: row.id, after: view });
    return view;
  });
  return { token, secret };
}

export async function revokeToken(db: Db, actor: Actor, id: string, requestId: string): Promise<TokenView> {
  return audited(db, { actor: auditActorOf(actor), orgId: actor.orgId, requestId }, async (trx, record) => {
    const current = await getToken(trx, actor.orgId, id);
    if (!current) throw notFound();
    if (current.revoked_at !== null) return presentToken(current);
    const row = await trx
      .updateTable("api_tokens")
      .set({ revoked_at: nowIso() })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = presentToken({ ...row, user_role: current.user_role });
    record({ action: "token.revoked", entityType: "api_token", entityId: id, before: presentToken(current), after });
    return after;
  });
}

export function getToken(db: Kysely<Database> | Transaction<Database>, orgId: string, id: string) {
  return db
    .selectFrom("api_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .selectAll("t")
    .select("u.role as user_role")
    .where("t.org_id", "=", orgId)
    .where("t.id", "=", id)
    .executeTakeFirst();
}

const SORT_COLUMNS = { createdAt: "created_at", name: "name" } as const;

export async function listTokens(db: Kysely<Database>, orgId: string, q: ListTokensQuery) {
  let base = db.selectFrom("api_tokens as t").innerJoin("users as u", "u.id", "t.user_id").where("t.org_id", "=", orgId);
  if (q.q) base = base.where(containsText("t.name", q.q));
  if (q.revoked === "true") base = base.where("t.revoked_at", "is not", null);
  if (q.revoked === "false") base = base.where("t.revoked_at", "is", null);
  const { field, direction } = parseSort<keyof typeof SORT_COLUMNS>(q.sort);
  const [rows, count] = await Promise.all([
    base.selectAll("t").select("u.role as user_role").orderBy(`t.${SORT_COLUMNS[field]}`, direction).orderBy("t.id").limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentToken), total: Number(count.n), limit: q.limit, offset: q.offset };
}
