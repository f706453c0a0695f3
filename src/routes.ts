import { applicabilityRoutes } from "./applicability/applicability.routes.ts";
import { assessmentRoutes } from "./compliance/assessments.routes.ts";
import { assessmentXlsxRoutes } from "./compliance/assessments.xlsx.routes.ts";
import { controlRoutes } from "./compliance/controls.routes.ts";
import { dashboardRoutes } from "./compliance/dashboard.ts";
import { disclosureRoutes } from "./disclosures/disclosures.routes.ts";
import { haipRoutes } from "./disclosures/haip/haip.routes.ts";
import { publicationRoutes } from "./disclosures/publications.routes.ts";
import { evidenceRoutes } from "./compliance/evidence.routes.ts";
import { importRoutes } from "./systems/imports.routes.ts";
import { modelCardRoutes } from "./systems/io/model-card.routes.ts";
import { aiSystemRoutes } from "./systems/systems.routes.ts";
import { auditRoutes } from "./audit/audit.routes.ts";
import { authRoutes } from "./auth/auth.routes.ts";
import { libraryRoutes } from "./library/library.routes.ts";
import { orgFrameworkRoutes } from "./library/org/org-frameworks.routes.ts";
import { riskRoutes } from "./risks/risks.routes.ts";
import { notifyRoutes } from "./notify/notify.routes.ts";
import { incidentRoutes } from "./incidents/incidents.routes.ts";
import { referenceRoutes } from "./incidents/reference.routes.ts";
import { incidentImportRoutes } from "./incidents/incidents.import.routes.ts";
import { referenceImportRoutes } from "./incidents/reference.import.routes.ts";
import { vendorRoutes } from "./vendors/vendors.routes.ts";
import { approvalRoutes } from "./workflow/approvals.routes.ts";
import { scheduleRoutes } from "./workflow/schedules.routes.ts";
import { taskRoutes } from "./workflow/tasks.routes.ts";
import { riskTaxonomyRoutes } from "./risks/taxonomy.routes.ts";
import { orgRoutes } from "./orgs/orgs.routes.ts";
import { fieldRoutes } from "./fields/fields.routes.ts";
import { oscalRoutes } from "./oscal/oscal.routes.ts";
import { reportRoutes } from "./reports/reports.routes.ts";
import { exchangeRoutes } from "./exchange/exchange.routes.ts";
import { oversightRoutes } from "./oversight/oversight.routes.ts";
import { dealingsRoutes } from "./dealings/dealings.routes.ts";
import type { AnyRoute } from "./platform/http/route.ts";
import { systemRoutes } from "./system.routes.ts";
import { userRoutes } from "./users/users.routes.ts";

/**
 * Every API route Musubi serves. The server mounts exactly this list, OpenAPI is generated from
 * it, and the access-control test enumerates it: a module's routes exist only once they are here.
 */
export const ROUTES: readonly AnyRoute[] = [
  ...systemRoutes(() => ROUTES),
  ...authRoutes,
  ...orgRoutes,
  ...fieldRoutes,
  ...userRoutes,
  ...auditRoutes,
  ...libraryRoutes,
  ...orgFrameworkRoutes,
  ...riskTaxonomyRoutes,
  ...applicabilityRoutes,
  ...importRoutes,
  ...modelCardRoutes,
  ...aiSystemRoutes,
  ...disclosureRoutes,
  ...haipRoutes,
  ...publicationRoutes,
  ...exchangeRoutes,
  ...oversightRoutes,
  ...dealingsRoutes,
  ...assessmentRoutes,
  ...assessmentXlsxRoutes,
  ...controlRoutes,
  ...evidenceRoutes,
  ...dashboardRoutes,
  ...riskRoutes,
  ...taskRoutes,
  ...approvalRoutes,
  ...scheduleRoutes,
  ...notifyRoutes,
  ...referenceRoutes,
  ...incidentImportRoutes,
  ...referenceImportRoutes,
  ...incidentRoutes,
  ...vendorRoutes,
  ...oscalRoutes,
  ...reportRoutes,
];
