import { auditActorOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { idParams } from "../users/users.schema.ts";
import {
  changePasswordBody,
  createdToken,
  createTokenBody,
  listTokensQuery,
  loginBody,
  sessionView,
  tokenPage,
  tokenView,
} from "./auth.schema.ts";
import { changePassword, describeSession, signIn, signOut } from "./sessions.service.ts";
import { getToken, issueToken, listTokens, presentToken, revokeToken } from "./tokens.service.ts";
import { notFound } from "../platform/errors.ts";

export const authRoutes = [
  defineRoute({
    method: "post",
    path: "/api/auth/login",
    example: { body: { email: "governance.lead@example.co.jp", password: "correct horse battery staple" } },
    responses: { 401: { description: "invalid_credentials: the e-mail address and password do not match (the same answer whether or not the account exists)" } },
    summary: "Sign in with e-mail and password; sets the session cookie",
    tag: "auth",
    access: "public",
    body: loginBody,
    response: sessionView,
    handler: ({ deps, c, body, requestId }) => signIn(deps, c, body, requestId),
  }),
  defineRoute({
    method: "post",
    path: "/api/auth/logout",
    summary: "Sign out: ends the current session",
    tag: "auth",
    access: { permission: "self" },
    status: 204,
    handler: ({ deps, c, actor, requestId }) => signOut(deps, c, actor, requestId),
  }),
  defineRoute({
    method: "get",
    path: "/api/auth/session",
    summary: "Who is signed in, their organisation, their permissions and the CSRF token",
    tag: "auth",
    access: { permission: "self" },
    response: sessionView,
    handler: ({ deps, actor }) => describeSession(deps, actor),
  }),
  defineRoute({
    method: "post",
    path: "/api/auth/password",
    summary: "Change your own password; ends your other sessions",
    tag: "auth",
    access: { permission: "self" },
    body: changePasswordBody,
    status: 204,
    handler: ({ deps, actor, body, requestId }) => changePassword(deps, actor, body, requestId),
  }),
  defineRoute({
    method: "get",
    path: "/api/tokens",
    summary: "List the organisation's API tokens (never their secrets)",
    tag: "tokens",
    cache: "ledger",
    access: { permission: "tokens.read" },
    query: listTokensQuery,
    response: tokenPage,
    handler: ({ deps, actor, query }) => listTokens(deps.db.kysely, actor.orgId, query),
  }),
  defineRoute({
    method: "post",
    path: "/api/tokens",
    summary: "Create an API token scoped to this organisation and a role; the secret is shown once",
    tag: "tokens",
    access: { permission: "tokens.manage" },
    body: createTokenBody,
    responses: { 422: { description: "role_exceeds_user: a token cannot be given a role above its owner's" } },
    response: createdToken,
    status: 201,
    handler: ({ deps, actor, body, requestId }) =>
      issueToken(deps.db, { actor: auditActorOf(actor), orgId: actor.orgId, userId: actor.userId, requestId }, body),
  }),
  defineRoute({
    method: "get",
    path: "/api/tokens/:id",
    summary: "Read one API token",
    tag: "tokens",
    cache: "ledger",
    access: { permission: "tokens.read" },
    resource: "token",
    params: idParams,
    response: tokenView,
    async handler({ deps, actor, params }) {
      const row = await getToken(deps.db.kysely, actor.orgId, params.id);
      if (!row) throw notFound();
      return presentToken(row);
    },
  }),
  defineRoute({
    method: "delete",
    path: "/api/tokens/:id",
    summary: "Revoke an API token (the record stays, marked revoked)",
    tag: "tokens",
    access: { permission: "tokens.manage" },
    resource: "token",
    params: idParams,
    response: tokenView,
    handler: ({ deps, actor, params, requestId }) => revokeToken(deps.db, actor, params.id, requestId),
  }),
];
