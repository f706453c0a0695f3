import type { ErrorCode as ServerErrorCode } from "../../../src/platform/errors.ts";

/**
 * The shapes the Musubi API answers with, as the web UI sees them. Kept by hand beside the server's
 * zod schemas (src/…/*.schema.ts) so the browser bundle never pulls in server code.
 */

export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Roles, most powerful first: the values a role select offers. What a role may do is the server's business. */
export const ROLES = ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "self"
  | "org.read"
  | "org.update"
  | "users.read"
  | "users.manage"
  | "tokens.read"
  | "tokens.manage"
  | "departments.read"
  | "departments.manage"
  | "audit.read";

export type UserStatus = "active" | "disabled";

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** The list conventions every collection endpoint shares. */
export interface ListParams {
  limit?: number;
  offset?: number;
  sort?: string;
  q?: string;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  locale: Locale;
  departmentId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface OrganizationSummary {
  id: string;
  slug: string;
  nameJa: string;
  nameEn: string;
}

export interface SessionView {
  user: UserView;
  organization: OrganizationSummary;
  permissions: string[];
  csrfToken?: string;
  expiresAt?: string;
  via: "session" | "token";
}

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: Role;
  locale?: Locale;
  departmentId?: string | null;
  password?: string;
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  role?: Role;
  status?: UserStatus;
  locale?: Locale;
  departmentId?: string | null;
}

export interface CreatedUser {
  user: UserView;
  initialPassword?: string;
}

export interface UserListParams extends ListParams {
  role?: Role;
  status?: UserStatus;
  departmentId?: string;
}

export interface DepartmentView {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface TokenView {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  userId: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken {
  token: TokenView;
  secret: string;
}

export interface TokenListParams extends ListParams {
  revoked?: "true" | "false";
}

export interface OrgSettings {
  defaultLocale: Locale;
  /** 1–12; 4 = April, the Japanese fiscal year. */
  fiscalYearStartMonth: number;
  timezone: string;
}

export interface OrgView extends OrganizationSummary {
  settings: OrgSettings;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface UpdateOrgInput {
  version: number;
  nameJa?: string;
  nameEn?: string;
  settings?: Partial<OrgSettings>;
}

export interface AuditEntry {
  seq: number;
  ts: string;
  actor: { type: string; id: string | null; label: string | null };
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditListParams {
  limit?: number;
  offset?: number;
  sort?: "seq" | "-seq";
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export type ChainBreakReason = "hash_mismatch" | "prev_hash_mismatch" | "seq_gap";

export interface VerifyReport {
  ok: boolean;
  entries: number;
  headSeq: number;
  headHash: string;
  firstBreak?: { seq: number; reason: string; expected: string; found: string };
  verifiedAt: string;
}

/** Every error code the API can answer with (the server's own list), plus `network` for a request that never got an answer. */
export type ErrorCode = ServerErrorCode | "network";


/** One entry of a `validation_failed` answer's details. */
export interface FieldIssue {
  /** Dotted path, e.g. `body.email`. */
  field: string;
  code: string;
  message: string;
}
