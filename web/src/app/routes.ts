import { lazy, type ComponentType } from "react";
import type { OrgKind, Permission } from "../api/types.ts";
import type { MessageKey } from "../i18n/en.ts";
import { HomePage } from "../pages/home/HomePage.tsx";
import { matchPath, type RouteParams } from "../router/router.tsx";

type PageComponent = ComponentType<{ params: RouteParams }>;

/**
 * A page loaded on first visit: each page is its own chunk, so signing in downloads the shell and
 * the home page, not every screen (and not the charts) of the application.
 */
function page<K extends string>(load: () => Promise<Record<K, PageComponent>>, name: K): PageComponent {
  return lazy<PageComponent>(() => load().then((m) => ({ default: m[name] })));
}

const AccountPage = page(() => import("../pages/account/AccountPage.tsx"), "AccountPage");
const ApplicabilityPage = page(() => import("../pages/applicability/ApplicabilityPage.tsx"), "ApplicabilityPage");
const AssessmentItemsPage = page(() => import("../pages/assessment-items/AssessmentItemsPage.tsx"), "AssessmentItemsPage");
const AuditPage = page(() => import("../pages/audit/AuditPage.tsx"), "AuditPage");
const ControlPage = page(() => import("../pages/controls/ControlPage.tsx"), "ControlPage");
const ControlsPage = page(() => import("../pages/controls/ControlsPage.tsx"), "ControlsPage");
const DashboardPage = page(() => import("../pages/dashboard/DashboardPage.tsx"), "DashboardPage");
const DepartmentsPage = page(() => import("../pages/departments/DepartmentsPage.tsx"), "DepartmentsPage");
const FieldsPage = page(() => import("../pages/fields/FieldsPage.tsx"), "FieldsPage");
const EvidencePage = page(() => import("../pages/evidence/EvidencePage.tsx"), "EvidencePage");
const ImportWizardPage = page(() => import("../pages/imports/ImportWizardPage.tsx"), "ImportWizardPage");
const IncidentImportPage = page(() => import("../pages/imports/ImportWizardPage.tsx"), "IncidentImportPage");
const ReferenceImportPage = page(() => import("../pages/imports/ImportWizardPage.tsx"), "ReferenceImportPage");
const DiffPage = page(() => import("../pages/library/DiffPage.tsx"), "DiffPage");
const FrameworkPage = page(() => import("../pages/library/FrameworkPage.tsx"), "FrameworkPage");
const LibraryPage = page(() => import("../pages/library/LibraryPage.tsx"), "LibraryPage");
const NodePage = page(() => import("../pages/library/NodePage.tsx"), "NodePage");
const OrgPage = page(() => import("../pages/org/OrgPage.tsx"), "OrgPage");
const SystemCreatePage = page(() => import("../pages/systems/SystemCreatePage.tsx"), "SystemCreatePage");
const SystemPage = page(() => import("../pages/systems/SystemPage.tsx"), "SystemPage");
const SystemsPage = page(() => import("../pages/systems/SystemsPage.tsx"), "SystemsPage");
const TokensPage = page(() => import("../pages/tokens/TokensPage.tsx"), "TokensPage");
const UsersPage = page(() => import("../pages/users/UsersPage.tsx"), "UsersPage");
const RisksPage = page(() => import("../pages/risks/RisksPage.tsx"), "RisksPage");
const RiskPage = page(() => import("../pages/risks/RiskPage.tsx"), "RiskPage");
const IncidentsPage = page(() => import("../pages/incidents/IncidentsPage.tsx"), "IncidentsPage");
const IncidentPage = page(() => import("../pages/incidents/IncidentPage.tsx"), "IncidentPage");
const ReferenceIncidentsPage = page(() => import("../pages/incidents/ReferenceIncidentsPage.tsx"), "ReferenceIncidentsPage");
const MyTasksPage = page(() => import("../pages/tasks/MyTasksPage.tsx"), "MyTasksPage");
const TaskPage = page(() => import("../pages/tasks/TaskPage.tsx"), "TaskPage");
const SchedulesPage = page(() => import("../pages/tasks/SchedulesPage.tsx"), "SchedulesPage");
const WebhooksPage = page(() => import("../pages/tasks/WebhooksPage.tsx"), "WebhooksPage");
const VendorsPage = page(() => import("../pages/vendors/VendorsPage.tsx"), "VendorsPage");
const VendorPage = page(() => import("../pages/vendors/VendorPage.tsx"), "VendorPage");
const DisclosuresPage = page(() => import("../pages/disclosures/DisclosuresPage.tsx"), "DisclosuresPage");
const HaipReportPage = page(() => import("../pages/disclosures/HaipReportPage.tsx"), "HaipReportPage");
const DealingsPage = page(() => import("../pages/dealings/DealingsPage.tsx"), "DealingsPage");
const DealingPage = page(() => import("../pages/dealings/DealingPage.tsx"), "DealingPage");
const IntakePage = page(() => import("../pages/oversight/IntakePage.tsx"), "IntakePage");
const IntakeDetailPage = page(() => import("../pages/oversight/IntakeDetailPage.tsx"), "IntakeDetailPage");
const CasesPage = page(() => import("../pages/oversight/CasesPage.tsx"), "CasesPage");
const CasePage = page(() => import("../pages/oversight/CasePage.tsx"), "CasePage");
const TrendsPage = page(() => import("../pages/oversight/TrendsPage.tsx"), "TrendsPage");
const RegistrationsPage = page(() => import("../pages/oversight/RegistrationsPage.tsx"), "RegistrationsPage");
const RequestsPage = page(() => import("../pages/oversight/RequestsPage.tsx"), "RequestsPage");
const RequestPage = page(() => import("../pages/oversight/RequestPage.tsx"), "RequestPage");
const AdvisoriesPage = page(() => import("../pages/oversight/AdvisoriesPage.tsx"), "AdvisoriesPage");
const AdvisoryPage = page(() => import("../pages/oversight/AdvisoryPage.tsx"), "AdvisoryPage");
const PublicationsPage = page(() => import("../pages/oversight/PublicationsPage.tsx"), "PublicationsPage");
const PublicationPage = page(() => import("../pages/oversight/PublicationPage.tsx"), "PublicationPage");

export interface AppRoute {
  /** The path, or a pattern with `:name` segments (e.g. `/library/:framework/:version`). */
  path: string;
  label: MessageKey;
  /** What the page needs; the nav hides it and the page refuses without it (the server decides who has it). */
  permission: Permission;
  /** `oversight`: an authority's control tower, shown to those who hold `oversight.read` in an authority. */
  section: "main" | "oversight" | "admin" | "personal";
  description?: MessageKey;
  /** A page reached from another one: not in the navigation, which highlights `parent` instead. */
  parent?: string;
  component: PageComponent;
}

/** Every signed-in page, in navigation order; patterns before the pages they could be mistaken for. */
export const APP_ROUTES: readonly AppRoute[] = [
  { path: "/", label: "nav.home", permission: "self", section: "main", component: HomePage },
  { path: "/my-tasks", label: "nav.myTasks", permission: "tasks.read", section: "main", description: "home.desc.myTasks", component: MyTasksPage },
  { path: "/tasks/:id", label: "nav.myTasks", permission: "tasks.read", section: "main", parent: "/my-tasks", component: TaskPage },
  { path: "/systems", label: "nav.systems", permission: "systems.read", section: "main", description: "home.desc.systems", component: SystemsPage },
  { path: "/systems/new", label: "systems.create.title", permission: "systems.edit", section: "main", parent: "/systems", component: SystemCreatePage },
  { path: "/systems/import", label: "imports.title", permission: "systems.import", section: "main", parent: "/systems", component: ImportWizardPage },
  { path: "/systems/:id", label: "nav.systems", permission: "systems.read", section: "main", parent: "/systems", component: SystemPage },
  { path: "/dashboard", label: "nav.dashboard", permission: "dashboard.read", section: "main", description: "home.desc.dashboard", component: DashboardPage },
  { path: "/assessment-items", label: "nav.dashboard", permission: "assessments.read", section: "main", parent: "/dashboard", component: AssessmentItemsPage },
  { path: "/controls", label: "nav.controls", permission: "controls.read", section: "main", description: "home.desc.controls", component: ControlsPage },
  { path: "/controls/:id", label: "nav.controls", permission: "controls.read", section: "main", parent: "/controls", component: ControlPage },
  { path: "/risks", label: "nav.risks", permission: "risks.read", section: "main", description: "home.desc.risks", component: RisksPage },
  { path: "/risks/:id", label: "nav.risks", permission: "risks.read", section: "main", parent: "/risks", component: RiskPage },
  { path: "/incidents", label: "nav.incidents", permission: "incidents.read", section: "main", description: "home.desc.incidents", component: IncidentsPage },
  { path: "/incidents/reference", label: "nav.incidents", permission: "incidents.read", section: "main", parent: "/incidents", component: ReferenceIncidentsPage },
  { path: "/incidents/reference/import", label: "nav.incidents", permission: "incidents.manage", section: "main", parent: "/incidents", component: ReferenceImportPage },
  { path: "/incidents/import", label: "nav.incidents", permission: "incidents.manage", section: "main", parent: "/incidents", component: IncidentImportPage },
  { path: "/incidents/:id", label: "nav.incidents", permission: "incidents.read", section: "main", parent: "/incidents", component: IncidentPage },
  { path: "/vendors", label: "nav.vendors", permission: "vendors.read", section: "main", description: "home.desc.vendors", component: VendorsPage },
  { path: "/vendors/:id", label: "nav.vendors", permission: "vendors.read", section: "main", parent: "/vendors", component: VendorPage },
  { path: "/disclosures", label: "nav.disclosures", permission: "disclosures.read", section: "main", description: "home.desc.disclosures", component: DisclosuresPage },
  { path: "/disclosures/haip/:id", label: "nav.disclosures", permission: "disclosures.read", section: "main", parent: "/disclosures", component: HaipReportPage },
  { path: "/dealings", label: "nav.dealings", permission: "exchange.read", section: "main", description: "home.desc.dealings", component: DealingsPage },
  { path: "/dealings/:id", label: "nav.dealings", permission: "exchange.read", section: "main", parent: "/dealings", component: DealingPage },
  { path: "/evidence", label: "nav.evidence", permission: "evidence.read", section: "main", description: "home.desc.evidence", component: EvidencePage },
  { path: "/library", label: "nav.library", permission: "library.read", section: "main", description: "home.desc.library", component: LibraryPage },
  { path: "/library/node/:urn", label: "nav.library", permission: "library.read", section: "main", parent: "/library", component: NodePage },
  { path: "/library/:framework/diff", label: "nav.library", permission: "library.read", section: "main", parent: "/library", component: DiffPage },
  { path: "/library/:framework/:version", label: "nav.library", permission: "library.read", section: "main", parent: "/library", component: FrameworkPage },
  { path: "/applicability", label: "nav.applicability", permission: "applicability.evaluate", section: "main", description: "home.desc.applicability", component: ApplicabilityPage },
  { path: "/oversight/intake", label: "nav.oversightIntake", permission: "oversight.read", section: "oversight", component: IntakePage },
  { path: "/oversight/intake/:id", label: "nav.oversightIntake", permission: "oversight.read", section: "oversight", parent: "/oversight/intake", component: IntakeDetailPage },
  { path: "/oversight/cases", label: "nav.oversightCases", permission: "oversight.read", section: "oversight", component: CasesPage },
  { path: "/oversight/cases/:id", label: "nav.oversightCases", permission: "oversight.read", section: "oversight", parent: "/oversight/cases", component: CasePage },
  { path: "/oversight/trends", label: "nav.oversightTrends", permission: "oversight.read", section: "oversight", component: TrendsPage },
  { path: "/oversight/requests", label: "nav.oversightRequests", permission: "oversight.read", section: "oversight", component: RequestsPage },
  { path: "/oversight/requests/:id", label: "nav.oversightRequests", permission: "oversight.read", section: "oversight", parent: "/oversight/requests", component: RequestPage },
  { path: "/oversight/advisories", label: "nav.oversightAdvisories", permission: "oversight.read", section: "oversight", component: AdvisoriesPage },
  { path: "/oversight/advisories/:id", label: "nav.oversightAdvisories", permission: "oversight.read", section: "oversight", parent: "/oversight/advisories", component: AdvisoryPage },
  { path: "/oversight/publications", label: "nav.oversightPublications", permission: "oversight.read", section: "oversight", component: PublicationsPage },
  { path: "/oversight/publications/:id", label: "nav.oversightPublications", permission: "oversight.read", section: "oversight", parent: "/oversight/publications", component: PublicationPage },
  { path: "/oversight/registrations", label: "nav.oversightRegistrations", permission: "oversight.read", section: "oversight", component: RegistrationsPage },
  { path: "/users", label: "nav.users", permission: "users.read", section: "admin", description: "home.desc.users", component: UsersPage },
  { path: "/departments", label: "nav.departments", permission: "departments.read", section: "admin", description: "home.desc.departments", component: DepartmentsPage },
  { path: "/fields", label: "nav.fields", permission: "fields.manage", section: "admin", description: "home.desc.fields", component: FieldsPage },
  { path: "/tokens", label: "nav.tokens", permission: "tokens.read", section: "admin", description: "home.desc.tokens", component: TokensPage },
  { path: "/schedules", label: "nav.schedules", permission: "tasks.read", section: "admin", description: "home.desc.schedules", component: SchedulesPage },
  { path: "/webhooks", label: "nav.webhooks", permission: "webhooks.manage", section: "admin", description: "home.desc.webhooks", component: WebhooksPage },
  { path: "/audit", label: "nav.audit", permission: "audit.read", section: "admin", description: "home.desc.audit", component: AuditPage },
  { path: "/org", label: "nav.org", permission: "org.read", section: "admin", description: "home.desc.org", component: OrgPage },
  { path: "/account", label: "nav.account", permission: "self", section: "personal", description: "home.desc.account", component: AccountPage },
];

/**
 * Whether the navigation offers a page: its permission, and for the control tower an authority
 * (the oversight permissions exist only there, whatever a session's list says).
 */
export function offersRoute(route: AppRoute, can: (permission: Permission) => boolean, orgKind: OrgKind): boolean {
  return can(route.permission) && (route.section !== "oversight" || orgKind === "authority");
}

export interface RouteMatch {
  route: AppRoute;
  params: RouteParams;
}

/** The route for a path and the values of its `:name` segments. */
export function matchRoute(path: string): RouteMatch | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, "") : path;
  for (const route of APP_ROUTES) {
    const params = matchPath(route.path, normalized);
    if (params) return { route, params };
  }
  return undefined;
}

export function findRoute(path: string): AppRoute | undefined {
  return matchRoute(path)?.route;
}
