import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { audited, auditActorOf, type AuditActor } from "../audit/audited.ts";
import { isRole, permissionsOf, type Actor, isOversightPermission } from "../platform/authz.ts";
import { AppError } from "../platform/errors.ts";
import type { AppDeps } from "../platform/http/route.ts";
import { newSecret } from "../platform/ids.ts";
import { isoPlus, nowIso } from "../platform/time.ts";
import { getOrganization } from "../orgs/orgs.store.ts";
import { presentUser } from "../users/users.present.ts";
import { findUserByEmailForSignIn, getUser, updateUserVersioned } from "../users/users.store.ts";
import { addressBucket, clientAddress } from "../platform/http/client-address.ts";
import { DEVICE_COOKIE } from "./login-throttle.ts";
import { dummyPasswordHash, hashPassword, SESSION_COOKIE, sha256, SIGNED_IN_HINT_COOKIE, verifyPassword } from "./secrets.ts";
import { orgKindOf, orgSettings } from "../orgs/orgs.schema.ts";

/**
 * Signs a person in: checks the rate limit and the password, then creates the session and its
 * ledger entry in one transaction and sets an HttpOnly, SameSite=Strict cookie.
 */
export async function signIn(
  deps: AppDeps,
  c: Context,
  input: { email: string; password: string },
  requestId: string,
) {
  const ip = clientAddress(c, deps.trustedProxies);
  const email = input.email.toLowerCase();
  const device = deps.deviceCookies.verify(getCookie(c, DEVICE_COOKIE), email);
  const keys = { email, address: addressBucket(ip), ...(device && { device }) };
  // Counted before the password is checked, so simultaneous guesses cannot all pass the limit.
  if (!(await deps.loginThrottle.attempt(keys))) {
    deps.logger.warn({ requestId, email: input.email, ip }, "sign-in rate-limited");
    throw new AppError(429, "rate_limited");
  }
  const user = await findUserByEmailForSignIn(deps.db.kysely, input.email);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || user.status !== "active" || !isRole(user.role)) {
    deps.logger.warn({ requestId, email: input.email, ip }, "sign-in refused");
    throw new AppError(401, "invalid_credentials");
  }
  await deps.loginThrottle.succeeded(keys);

  const secret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = isoPlus(deps.config.sessionTtlMs);
  const actor: AuditActor = { type: "user", id: user.id, label: user.email };
  await audited(deps.db, { actor, orgId: user.org_id, requestId }, async (trx, record) => {
    const id = sha256(secret);
    await trx
      .insertInto("sessions")
      .values({ id, org_id: user.org_id, user_id: user.id, csrf_token: csrfToken, created_at: nowIso(), expires_at: expiresAt, revoked_at: null })
      .execute();
    // The ledger names the session by a short prefix of its hash: enough to correlate, useless to replay.
    record({ action: "auth.signed_in", entityType: "session", entityId: id.slice(0, 16), after: { userId: user.id, ip, expiresAt } });
  });
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: "Strict",
    secure: deps.config.secureCookies,
    path: "/",
    maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
  });
  setCookie(c, SIGNED_IN_HINT_COOKIE, "1", {
    sameSite: "Strict",
    secure: deps.config.secureCookies,
    path: "/",
    maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
  });
  // Marks this browser as one that has signed in to this account (see LoginThrottle).
  setCookie(c, DEVICE_COOKIE, deps.deviceCookies.issue(email, device), {
    httpOnly: true,
    sameSite: "Strict",
    secure: deps.config.secureCookies,
    path: "/api/auth/login",
    maxAge: 365 * 86_400,
  });
  return describeSession(deps, {
    kind: "session",
    userId: user.id,
    orgId: user.org_id,
    role: user.role,
    label: user.email,
    csrfToken,
  }, expiresAt);
}

export async function signOut(deps: AppDeps, c: Context, actor: Actor, requestId: string): Promise<void> {
  if (actor.kind === "session" && actor.sessionId) {
    const sessionId = actor.sessionId;
    await audited(deps.db, { actor: auditActorOf(actor), orgId: actor.orgId, requestId }, async (trx, record) => {
      await trx.updateTable("sessions").set({ revoked_at: nowIso() }).where("id", "=", sessionId).execute();
      record({ action: "auth.signed_out", entityType: "session", entityId: sessionId.slice(0, 16) });
    });
  }
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
  deleteCookie(c, SIGNED_IN_HINT_COOKIE, { path: "/" });
}

/** Who the caller is and what they may do, for the web shell and `musubi whoami`-style checks. */
export async function describeSession(deps: AppDeps, actor: Omit<Actor, "timeZone">, expiresAt?: string) {
  const [user, org] = await Promise.all([
    getUser(deps.db.kysely, actor.orgId, actor.userId),
    getOrganization(deps.db.kysely, actor.orgId),
  ]);
  if (!user || !org) throw new AppError(401, "unauthenticated");
  let sessionExpiry = expiresAt;
  if (!sessionExpiry && actor.sessionId) {
    const row = await deps.db.kysely.selectFrom("sessions").select("expires_at").where("id", "=", actor.sessionId).executeTakeFirst();
    sessionExpiry = row?.expires_at;
  }
  return {
    user: presentUser(user),
    organization: { id: org.id, slug: org.slug, kind: orgKindOf(org.kind), nameJa: org.name_ja, nameEn: org.name_en, timeZone: orgSettings.parse(JSON.parse(org.settings)).timezone },
    // An ordinary organisation's administrator holds no control tower, whatever the role table says.
    permissions: permissionsOf(actor.role).filter((p) => !isOversightPermission(p) || orgKindOf(org.kind) === "authority"),
    ...(actor.csrfToken !== undefined && { csrfToken: actor.csrfToken }),
    ...(sessionExpiry !== undefined && { expiresAt: sessionExpiry }),
    via: actor.kind,
  };
}

/**
 * Changes the caller's own password after checking the current one, and ends every other session
 * of theirs: whoever might have known the old password is signed out. With `revokeTokens`, their
 * API tokens are revoked too (each in the ledger), since the old password could have made one.
 */
export async function changePassword(
  deps: AppDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; revokeTokens?: boolean },
  requestId: string,
): Promise<void> {
  const user = await getUser(deps.db.kysely, actor.orgId, actor.userId);
  if (!user) throw new AppError(401, "unauthenticated");
  // Guessing the current password through a stolen session is counted like guessing at sign-in.
  const keys = { email: user.email.toLowerCase(), address: `session:${actor.sessionId ?? actor.tokenId ?? actor.userId}` };
  if (!(await deps.loginThrottle.attempt(keys))) throw new AppError(429, "rate_limited");
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw new AppError(400, "wrong_password");
  await deps.loginThrottle.succeeded(keys);
  const newHash = await hashPassword(input.newPassword);
  await audited(deps.db, { actor: auditActorOf(actor), orgId: actor.orgId, requestId }, async (trx, record) => {
    const updated = await updateUserVersioned(trx, actor.orgId, user.id, user.version, {
      password_hash: newHash,
      updated_at: nowIso(),
    });
    if (!updated) throw new AppError(409, "conflict");
    let others = trx
      .updateTable("sessions")
      .set({ revoked_at: nowIso() })
      .where("user_id", "=", user.id)
      .where("revoked_at", "is", null);
    if (actor.sessionId) others = others.where("id", "!=", actor.sessionId);
    await others.execute();
    record({ action: "user.password_changed", entityType: "user", entityId: user.id });
    if (input.revokeTokens) {
      const revoked = await trx
        .updateTable("api_tokens")
        .set({ revoked_at: nowIso() })
        .where("org_id", "=", actor.orgId)
        .where("user_id", "=", user.id)
        .where("revoked_at", "is", null)
        .returning(["id", "name"])
        .execute();
      for (const t of revoked) record({ action: "token.revoked", entityType: "api_token", entityId: t.id, after: { name: t.name, reason: "password_changed" } });
    }
  });
}
