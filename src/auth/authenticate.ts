import type { Context } from "hono";
import type { ExpressionBuilder } from "kysely";
import { getCookie } from "hono/cookie";
import { effectiveRole, isRole, type Actor } from "../platform/authz.ts";
import { AppError } from "../platform/errors.ts";
import type { AppDeps } from "../platform/http/route.ts";
import { nowIso } from "../platform/time.ts";
import { prepared } from "../db/prepared.ts";
import { timeZoneOfSettings } from "../orgs/orgs.store.ts";
import { SESSION_COOKIE, TOKEN_PREFIX, sha256 } from "./secrets.ts";

/**
 * Resolves the caller from an `Authorization: Bearer msb_…` token or the session cookie.
 * One indexed lookup either way; disabled users, revoked or expired credentials are refused.
 * The same statement reads the organisation's settings, so the actor carries its time zone.
 */
/** The header an AI agent names itself in, when it calls the API with a token (`x-musubi-agent: MCP agent`). */
export const AGENT_HEADER = "x-musubi-agent";
const AGENT_NAME = /^[A-Za-z0-9 ._-]{1,40}$/;

export async function authenticate(deps: AppDeps, c: Context): Promise<Actor> {
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]?.startsWith(TOKEN_PREFIX)) throw new AppError(401, "unauthenticated");
    const actor = await authenticateToken(deps, match[1]);
    // An AI agent acting with the token says so (`musubi mcp` does): its changes are marked in the ledger.
    const agent = c.req.header(AGENT_HEADER);
    return agent && AGENT_NAME.test(agent) ? { ...actor, label: `${actor.label} via ${agent}` } : actor;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) throw new AppError(401, "unauthenticated");
  return authenticateSession(deps, cookie);
}

/**
 * The organisation's ledger head, read in the same statement (one snapshot) as the credentials,
 * before any data the request reads: the page cache's label at no extra round trip.
 */
function headOfOrg(eb: ExpressionBuilder<any, any>, orgColumn: string) {
  return eb
    .selectFrom("audit_log as a")
    .select((sub) => sub.fn.max("a.seq").as("h"))
    .whereRef("a.org_id", "=", orgColumn)
    .as("ledger_head");
}

const tokenByHash = prepared((db) =>
  db
    .selectFrom("api_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .innerJoin("organizations as o", "o.id", "t.org_id")
    .select(["t.id", "t.org_id", "t.role", "t.name", "t.expires_at", "t.revoked_at", "u.id as user_id", "u.email", "u.status", "u.role as user_role", "o.settings as org_settings", "o.frameworks_stamp", "o.kind as org_kind"])
    .select((eb) => headOfOrg(eb, "t.org_id"))
    .where("t.token_hash", "=", ""),
);

const sessionById = prepared((db) =>
  db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .innerJoin("organizations as o", "o.id", "s.org_id")
    .select(["s.id", "s.org_id", "s.csrf_token", "s.expires_at", "s.revoked_at", "u.id as user_id", "u.email", "u.role", "u.status", "o.settings as org_settings", "o.frameworks_stamp", "o.kind as org_kind"])
    .select((eb) => headOfOrg(eb, "s.org_id"))
    .where("s.id", "=", ""),
);

async function authenticateToken(deps: AppDeps, secret: string): Promise<Actor> {
  const [row] = await tokenByHash(deps.db, [sha256(secret)]);
  if (!row || row.revoked_at !== null || row.status !== "active" || !isRole(row.role) || !isRole(row.user_role)) {
    throw new AppError(401, "unauthenticated");
  }
  if (row.expires_at !== null && row.expires_at <= nowIso()) throw new AppError(401, "session_expired");
  return {
    kind: "token",
    userId: row.user_id,
    orgId: row.org_id,
    // Decided on every request from the user's role as it is now: demoting the user demotes the token.
    role: effectiveRole(row.role, row.user_role),
    timeZone: timeZoneOfSettings(row.org_settings),
    frameworksStamp: row.frameworks_stamp,
    orgKind: row.org_kind === "authority" ? "authority" : "organization",
    label: `${row.email} (token ${row.name})`,
    tokenId: row.id,
    ledgerHead: Number(row.ledger_head ?? 0),
  };
}

async function authenticateSession(deps: AppDeps, secret: string): Promise<Actor> {
  const [row] = await sessionById(deps.db, [sha256(secret)]);
  if (!row || row.revoked_at !== null || row.status !== "active" || !isRole(row.role)) {
    throw new AppError(401, "unauthenticated");
  }
  if (row.expires_at <= nowIso()) throw new AppError(401, "session_expired");
  return {
    kind: "session",
    userId: row.user_id,
    orgId: row.org_id,
    role: row.role,
    timeZone: timeZoneOfSettings(row.org_settings),
    frameworksStamp: row.frameworks_stamp,
    orgKind: row.org_kind === "authority" ? "authority" : "organization",
    label: row.email,
    sessionId: row.id,
    csrfToken: row.csrf_token,
    ledgerHead: Number(row.ledger_head ?? 0),
  };
}
