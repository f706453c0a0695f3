import type { Insertable, Selectable } from "kysely";

/**
 * Row types of every table. Columns hold the same representation on SQLite and PostgreSQL
 * (timestamps as ISO-8601 text, JSON as text, booleans as 0/1 integers) so that a backup taken on
 * one dialect restores on the other and the audit ledger hashes identically everywhere.
 */
export interface OrganizationsTable {
  id: string;
  slug: string;
  name_ja: string;
  name_en: string;
  /** JSON text of {@link OrgSettings}. */
  settings: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string;
  status: string;
  locale: string;
  department_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie secret: a stolen database does not yield live sessions. */
  id: string;
  org_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  user_id: string;
  name: string;
  role: string;
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  token_hash: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface DepartmentsTable {
  id: string;
  org_id: string;
  code: string;
  name_ja: string;
  name_en: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AuditLogTable {
  org_id: string;
  seq: number;
  ts: string;
  actor_type: string;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  departments: DepartmentsTable;
  audit_log: AuditLogTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type Department = Selectable<DepartmentsTable>;
export type AuditRow = Selectable<AuditLogTable>;

/** Tables in the order a restore must insert them (parents before children). */
export const TABLES_IN_ORDER = [
  "organizations",
  "departments",
  "users",
  "sessions",
  "api_tokens",
  "audit_log",
] as const satisfies readonly (keyof Database)[];
