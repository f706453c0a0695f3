import { z } from "zod";
import { ROLES } from "../platform/authz.ts";
import { emailSchema, passwordSchema, roleSchema, userView } from "../users/users.schema.ts";
import { listQuery, pageOf } from "../platform/pagination.ts";
import { ORG_KINDS } from "../orgs/orgs.schema.ts";

export const loginBody = z.strictObject({
  email: emailSchema,
  // Any length is accepted at sign-in: the policy applies when a password is set, not when it is tried.
  password: z.string().min(1).max(1024),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: passwordSchema,
  /** Also revoke every API token of yours: whoever knew the old password may have made one. */
  revokeTokens: z.boolean().default(false),
});

export const sessionView = z.object({
  user: userView,
  /**
   * `timeZone`: the organisation's IANA zone, in which the UI shows every time and reads every date typed.
   * `kind`: an authority's UI offers its oversight roles; an ordinary organisation's does not.
   */
  organization: z.object({ id: z.string(), slug: z.string(), kind: z.enum(ORG_KINDS), nameJa: z.string(), nameEn: z.string(), timeZone: z.string() }),
  /** What the caller may do, so the UI hides what the server would refuse (never re-deciding it). */
  permissions: z.array(z.string()),
  csrfToken: z.string().optional(),
  expiresAt: z.string().optional(),
  via: z.enum(["session", "token"]),
});

export const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  /** The role it was issued with. */
  role: z.enum(ROLES),
  /** What it can do now: never more than its user's current role (see `effectiveRole`). */
  effectiveRole: z.enum(ROLES),
  prefix: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenView>;

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: roleSchema,
  /** Days until the token stops working; omit for a token that lasts until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const createdToken = z.object({ token: tokenView, secret: z.string() });

export const listTokensQuery = listQuery({
  sortable: ["createdAt", "name"],
  defaultSort: "-createdAt",
  filters: { revoked: z.enum(["true", "false"]).optional() },
});
export type ListTokensQuery = z.infer<typeof listTokensQuery>;
export const tokenPage = pageOf(tokenView);
