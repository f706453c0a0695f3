import { request } from "./client.ts";
import type {
  AuditEntry,
  AuditListParams,
  CreatedToken,
  CreatedUser,
  CreateUserInput,
  DepartmentView,
  ListParams,
  OrgView,
  Page,
  Role,
  SessionView,
  TokenListParams,
  TokenView,
  UpdateOrgInput,
  UpdateUserInput,
  UserListParams,
  UserView,
  VerifyReport,
} from "./types.ts";

const enc = encodeURIComponent;

/** Sign-in, session and own password. */
export const authApi = {
  login: (email: string, password: string) => request<SessionView>("POST", "/api/auth/login", { body: { email, password } }),
  session: (signal?: AbortSignal) => request<SessionView>("GET", "/api/auth/session", signal ? { signal } : {}),
  logout: () => request<void>("POST", "/api/auth/logout"),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>("POST", "/api/auth/password", { body: { currentPassword, newPassword } }),
};

export const usersApi = {
  list: (params: UserListParams, signal?: AbortSignal) => request<Page<UserView>>("GET", "/api/users", { query: params, ...(signal && { signal }) }),
  get: (id: string) => request<UserView>("GET", `/api/users/${enc(id)}`),
  create: (input: CreateUserInput) => request<CreatedUser>("POST", "/api/users", { body: input }),
  update: (id: string, input: UpdateUserInput) => request<UserView>("PATCH", `/api/users/${enc(id)}`, { body: input }),
};

export const departmentsApi = {
  list: (params: ListParams, signal?: AbortSignal) =>
    request<Page<DepartmentView>>("GET", "/api/departments", { query: params, ...(signal && { signal }) }),
  create: (input: { code: string; nameJa: string; nameEn: string }) =>
    request<DepartmentView>("POST", "/api/departments", { body: input }),
  update: (id: string, input: { version: number; nameJa?: string; nameEn?: string }) =>
    request<DepartmentView>("PATCH", `/api/departments/${enc(id)}`, { body: input }),
  remove: (id: string) => request<void>("DELETE", `/api/departments/${enc(id)}`),
};

export const tokensApi = {
  list: (params: TokenListParams, signal?: AbortSignal) =>
    request<Page<TokenView>>("GET", "/api/tokens", { query: params, ...(signal && { signal }) }),
  create: (input: { name: string; role: Role; expiresInDays?: number }) =>
    request<CreatedToken>("POST", "/api/tokens", { body: input }),
  revoke: (id: string) => request<TokenView>("DELETE", `/api/tokens/${enc(id)}`),
};

export const orgApi = {
  get: (signal?: AbortSignal) => request<OrgView>("GET", "/api/org", signal ? { signal } : {}),
  update: (input: UpdateOrgInput) => request<OrgView>("PATCH", "/api/org", { body: input }),
};

export const auditApi = {
  list: (params: AuditListParams, signal?: AbortSignal) =>
    request<Page<AuditEntry>>("GET", "/api/audit", { query: params, ...(signal && { signal }) }),
  verify: () => request<VerifyReport>("GET", "/api/audit/verify"),
};
