import type { ComponentType } from "react";
import type { Permission } from "../api/types.ts";
import type { MessageKey } from "../i18n/en.ts";
import { AccountPage } from "../pages/account/AccountPage.tsx";
import { AuditPage } from "../pages/audit/AuditPage.tsx";
import { DepartmentsPage } from "../pages/departments/DepartmentsPage.tsx";
import { HomePage } from "../pages/home/HomePage.tsx";
import { OrgPage } from "../pages/org/OrgPage.tsx";
import { TokensPage } from "../pages/tokens/TokensPage.tsx";
import { UsersPage } from "../pages/users/UsersPage.tsx";

export interface AppRoute {
  path: string;
  label: MessageKey;
  /** What the page needs; the nav hides it and the page refuses without it (the server decides who has it). */
  permission: Permission;
  section: "main" | "admin" | "personal";
  description?: MessageKey;
  component: ComponentType;
}

/** Every signed-in page, in navigation order. */
export const APP_ROUTES: readonly AppRoute[] = [
  { path: "/", label: "nav.home", permission: "self", section: "main", component: HomePage },
  { path: "/users", label: "nav.users", permission: "users.read", section: "admin", description: "home.desc.users", component: UsersPage },
  { path: "/departments", label: "nav.departments", permission: "departments.read", section: "admin", description: "home.desc.departments", component: DepartmentsPage },
  { path: "/tokens", label: "nav.tokens", permission: "tokens.read", section: "admin", description: "home.desc.tokens", component: TokensPage },
  { path: "/audit", label: "nav.audit", permission: "audit.read", section: "admin", description: "home.desc.audit", component: AuditPage },
  { path: "/org", label: "nav.org", permission: "org.read", section: "admin", description: "home.desc.org", component: OrgPage },
  { path: "/account", label: "nav.account", permission: "self", section: "personal", description: "home.desc.account", component: AccountPage },
];

export function findRoute(path: string): AppRoute | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return APP_ROUTES.find((r) => r.path === normalized);
}
