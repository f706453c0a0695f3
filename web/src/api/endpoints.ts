import { request } from "./client.ts";
import type {
  ApplicabilityReport,
  AuditEntry,
  AuditListParams,
  CreatedToken,
  CreatedUser,
  CreateUserInput,
  DepartmentView,
  Facts,
  FrameworkDiffView,
  FrameworkTree,
  LibraryIndex,
  LibrarySearchHit,
  LibrarySearchParams,
  ListParams,
  NodeDetail,
  OrgView,
  Page,
  ProfileQuestions,
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
  changePassword: (currentPassword: string, newPassword: string, revokeTokens: boolean) =>
    request<void>("POST", "/api/auth/password", { body: { currentPassword, newPassword, revokeTokens } }),
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

/** The framework library: published reference data, read-only. */
export const libraryApi = {
  index: (signal?: AbortSignal) => request<LibraryIndex>("GET", "/api/library", signal ? { signal } : {}),
  framework: (framework: string, version: string, signal?: AbortSignal) =>
    request<FrameworkTree>("GET", `/api/library/frameworks/${enc(framework)}/${enc(version)}`, signal ? { signal } : {}),
  diff: (framework: string, from: string, to: string, signal?: AbortSignal) =>
    request<FrameworkDiffView>("GET", `/api/library/frameworks/${enc(framework)}/diff`, { query: { from, to }, ...(signal && { signal }) }),
  node: (urn: string, signal?: AbortSignal) => request<NodeDetail>("GET", `/api/library/nodes/${enc(urn)}`, signal ? { signal } : {}),
  search: (params: LibrarySearchParams, signal?: AbortSignal) =>
    request<Page<LibrarySearchHit>>("GET", "/api/library/search", { query: params, ...(signal && { signal }) }),
};

/** Which frameworks and requirements apply to a system profile, and why. */
export const applicabilityApi = {
  questions: (signal?: AbortSignal) => request<ProfileQuestions>("GET", "/api/applicability/questions", signal ? { signal } : {}),
  evaluate: (facts: Facts, asOf: string | undefined, signal?: AbortSignal) =>
    request<ApplicabilityReport>("POST", "/api/applicability/evaluate", { body: asOf ? { facts, asOf } : { facts }, ...(signal && { signal }) }),
};
