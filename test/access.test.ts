import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "../src/routes.ts";
import { ROLES, can } from "../src/platform/authz.ts";
import type { AnyRoute, ResourceKind } from "../src/platform/http/route.ts";
import { testDatabases } from "./support/databases.ts";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "./support/app.ts";
import { createDepartment } from "../src/orgs/departments.service.ts";
import { issueToken } from "../src/auth/tokens.service.ts";
import { SYSTEM_ACTOR } from "../src/audit/audited.ts";
import type { Db } from "../src/db/connect.ts";
import { itemsOf, JP_BUSINESS_PROFILE, registerSystem, startAssessment } from "./support/compliance.ts";
import { plantExchange } from "./support/exchange.ts";

/** A reference-case import's mapping and source, for planting one and for its routes' bodies. */
const REFERENCE_BODY = { mapping: [{ column: "Headline", field: "title" }, { column: "Case ID", field: "id" }], source: { name: "Public register", licence: "CC0-1.0" } };

/** One record of each kind in an organisation, so `:id` routes can be aimed at real rows. */
async function plantRecords(db: Db, api: TestApp, org: SeededOrg): Promise<Omit<Planted, "exchange_connection" | "exchange_submission" | "oversight_intake" | "oversight_case" | "oversight_request" | "dealing" | "oversight_advisory" | "oversight_publication">> {
  const dep = await createDepartment(db, { actor: SYSTEM_ACTOR, orgId: org.orgId }, { code: `D-${org.slug}`, nameJa: "部", nameEn: "Dept" });
  const { token } = await issueToken(db, { actor: SYSTEM_ACTOR, orgId: org.orgId, userId: org.users.viewer.id }, { name: "planted", role: "viewer" });
  const admin = org.tokens.admin;
  const system = await registerSystem(api, admin, { nameJa: "計画システム", nameEn: "Planted system", profile: JP_BUSINESS_PROFILE });
  const assessment = await startAssessment(api, admin, system.id, "jp-ai-guidelines");
  const other = await startAssessment(api, admin, system.id, "nist-ai-rmf");
  const [item] = await itemsOf(api, admin, assessment.id);
  const control = await api.call("POST", "/api/controls", { token: admin, body: { code: "C-1", titleJa: "管理策", titleEn: "Control" } });
  const up = await api.app.request("/api/files", { method: "POST", headers: { authorization: `Bearer ${admin}`, "x-file-name": "e.txt" }, body: new TextEncoder().encode(org.slug) });
  const file = await up.json();
  const evidence = await api.call("POST", "/api/evidence", { token: admin, body: { kind: "file", title: "e", file: { sha256: file.sha256, name: "e.txt" }, links: [{ type: "control", id: control.body.id }] } });
  const risk = await api.call("POST", "/api/risks", { token: admin, body: { titleJa: "リスク", titleEn: "Risk", systemId: system.id, inherentLikelihood: 3, inherentImpact: 4 } });
  const task = await api.call("POST", "/api/tasks", { token: admin, body: { title: "是正", assigneeId: org.users.admin.id, approvalPlan: [[org.users.governance_lead.id]] } });
  const submitted = await api.call("POST", `/api/tasks/${task.body.id}/complete`, { token: admin, body: { version: task.body.version } });
  const delegation = await api.call("POST", "/api/delegations", { token: admin, body: { delegateId: org.users.governance_lead.id, startsOn: "2026-01-01", endsOn: "2026-12-31" } });
  const webhook = await api.call("POST", "/api/webhooks", { token: admin, body: { url: "https://receiver.example/hook" } });
  const schedule = await api.call("POST", "/api/review-schedules", { token: admin, body: { name: "年次レビュー", subjectType: "system", active: false } });
  const incident = await api.call("POST", "/api/incidents", { token: admin, body: { title: "誤判定", systemIds: [system.id] } });
  const vendor = await api.call("POST", "/api/vendors", { token: admin, body: { name: "Vendor", systemIds: [system.id] } });
  const report = await api.call("POST", "/api/disclosures/haip-reports", { token: admin, body: { year: 2026, roles: ["deployer"], prefill: false } });
  const publication = await api.call("POST", `/api/systems/${system.id}/card/publish`, { token: admin });
  const reportJob = await api.call("POST", "/api/reports/jobs", { token: admin, body: { kind: "compliance", params: { framework: "jp-ai-guidelines" }, format: "xlsx" } });
  // Waits for the job, so its file can be fetched by the organisation's own admin.
  for (let i = 0; i < 600 && (await api.call("GET", `/api/reports/jobs/${reportJob.body.id}`, { token: admin })).body.status !== "done"; i++) await new Promise((r) => setTimeout(r, 50));
  const job = await api.app.request("/api/imports", { method: "POST", headers: { authorization: `Bearer ${admin}`, "x-file-name": "inv.csv", "content-type": "text/csv" }, body: new TextEncoder().encode("nameJa,nameEn\nあ,A\nい\uFFFD,B\n") });
  const importId = (await job.json()).id as string;
  const incidentJob = await api.app.request("/api/incidents/imports", { method: "POST", headers: { authorization: `Bearer ${admin}`, "x-file-name": "incidents.csv", "content-type": "text/csv" }, body: new TextEncoder().encode("Title,Severity\n誤判定,high\n,low\n") });
  const incidentImportId = (await incidentJob.json()).id as string;
  await api.call("POST", `/api/incidents/imports/${incidentImportId}/preview`, { token: admin, body: { mapping: [{ column: "Title", field: "title" }] } });
  // A public register imported as the organisation's own reference cases (a row without a title gives a problems file).
  const referenceJob = await api.app.request("/api/reference-incidents/imports", { method: "POST", headers: { authorization: `Bearer ${admin}`, "x-file-name": "register.csv", "content-type": "text/csv" }, body: new TextEncoder().encode("Case ID,Headline\nC-1,顔認識の誤認\nC-2,\n") });
  const referenceImportId = (await referenceJob.json()).id as string;
  await api.call("POST", `/api/reference-incidents/imports/${referenceImportId}/commit`, { token: admin, body: REFERENCE_BODY });
  const referenceSource = ((await api.call("GET", "/api/reference-incidents", { token: admin })).body.sources as { id: string; own: boolean }[]).find((s) => s.own)!.id;
  const field = await api.call("POST", "/api/fields", { token: admin, body: { entity: "system", key: "legal_basis", labelJa: "法的根拠", labelEn: "Legal basis", type: "text" } });
  const preset = await api.call("POST", "/api/import-presets", { token: admin, body: { name: "register", settings: { mapping: [{ column: "nameJa", field: "nameJa" }] } } });
  // Checked once, so the import has a problems file (a warning) for its own admin to download.
  await api.call("POST", `/api/imports/${importId}/preview`, { token: admin, body: { mapping: [{ column: "nameJa", field: "nameJa" }] } });
  return { user: org.users.viewer.id, token: token.id, department: dep.id, system: system.id, assessment: assessment.id, assessment_item: item!.id, control: control.body.id, evidence: evidence.body.id, import: importId, incident_import: incidentImportId, reference_import: referenceImportId, reference_source: referenceSource, import_preset: preset.body.id, custom_field: field.body.id, risk: risk.body.id, task: task.body.id, approval: submitted.body.approval.id, delegation: delegation.body.id, webhook: webhook.body.id, schedule: schedule.body.id, incident: incident.body.id, vendor: vendor.body.id, haip_report: report.body.id, publication: publication.body.id, report_job: reportJob.body.id, otherAssessment: other.id };
}

type Planted = Record<ResourceKind, string> & { otherAssessment: string };

/** Other ids a route's path names besides `:id` (an evidence link's target). */
function pathFor(route: AnyRoute, id: string, records?: Record<ResourceKind, string>): string {
  return route.path.replace(/:id\b/, id).replace(":type", "control").replace(":targetId", records?.control ?? "ctl_x").replace(":questionId", "7.1");
}

/**
 * Writes get an empty JSON body: a valid one is not needed, since access is decided before
 * validation runs (and a 400 instead of 401/403 would fail these tests).
 */
function bodyFor(route: AnyRoute) {
  return route.method === "get" ? {} : { body: {} };
}

describe.each(testDatabases())("access control on every route ($name)", (dialect) => {
  let ctx: { db: Db; cleanup(): Promise<void> };
  let api: TestApp;
  let orgA: SeededOrg;
  let orgB: SeededOrg;
  let ordinary: SeededOrg;
  let recordsB: Planted;
  let recordsA: Planted;

  beforeAll(async () => {
    const opened = await dialect.open();
    ctx = opened;
    api = testApp(opened.db, opened.dataDir);
    // Authorities, so that every role (the oversight roles too) has a user and a token to try, and
    // each, registered with the other, holds every exchange record kind.
    orgA = await seedOrg(opened.db, "alpha", { kind: "authority" });
    orgB = await seedOrg(opened.db, "beta", { kind: "authority" });
    ordinary = await seedOrg(opened.db, "gamma");
    const exchange = await plantExchange(api, orgA, orgB);
    recordsA = { ...(await plantRecords(opened.db, api, orgA)), ...exchange.alpha! };
    recordsB = { ...(await plantRecords(opened.db, api, orgB)), ...exchange.beta! };
  });
  afterAll(() => ctx.cleanup());

  it("registers no route without an access policy", () => {
    for (const r of ROUTES) expect(r.access, `${r.method} ${r.path}`).toBeDefined();
    expect(ROUTES.length).toBeGreaterThan(15);
  });

  const guarded = ROUTES.filter((r) => r.access !== "public");

  it.each(guarded.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    "%s refuses an anonymous caller with 401",
    async (_name, route) => {
      const res = await api.call(route.method, pathFor(route, recordsA[route.resource ?? "user"]), bodyFor(route));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
    },
  );

  it.each(guarded.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    "%s refuses forged or altered credentials with 401",
    async (_name, route) => {
      const path = pathFor(route, recordsA[route.resource ?? "user"]);
      for (const token of ["msb_forged", "not-a-token", `${orgA.tokens.admin}x`]) {
        const res = await api.call(route.method, path, { token, ...bodyFor(route) });
        expect(res.status, token).toBe(401);
      }
      const cookie = await api.call(route.method, path, { headers: { cookie: "musubi_session=forged" }, ...bodyFor(route) });
      expect(cookie.status).toBe(401);
    },
  );

  const denials = guarded.flatMap((r) =>
    ROLES.filter((role) => r.access !== "public" && !can(role, r.access.permission)).map(
      (role) => [`${r.method.toUpperCase()} ${r.path} as ${role}`, r, role] as const,
    ),
  );

  it("has role denials to prove (the table is not all-allow)", () => {
    expect(denials.length).toBeGreaterThan(20);
  });

  it.each(denials)("%s is refused with 403", async (_name, route, role) => {
    const res = await api.call(route.method, pathFor(route, recordsA[route.resource ?? "user"]), {
      token: orgA.tokens[role],
      ...bodyFor(route),
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });

  const scoped = guarded.filter((r) => r.resource !== undefined);

  it("has :id routes for every record kind", () => {
    expect(new Set(scoped.map((r) => r.resource))).toEqual(new Set(["user", "token", "department", "system", "assessment", "assessment_item", "control", "evidence", "import", "risk", "task", "approval", "delegation", "webhook", "schedule", "incident", "vendor", "haip_report", "publication", "report_job", "exchange_connection", "exchange_submission", "oversight_intake", "oversight_case", "oversight_request", "dealing", "oversight_advisory", "oversight_publication", "import_preset", "incident_import", "reference_import", "reference_source", "custom_field"]));
  });

  it.each(guarded.filter((r) => r.access !== "public" && r.access.permission.startsWith("oversight.")).map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    "%s is refused with 403 to an ordinary organisation's administrator: only an authority has a control tower",
    async (_name, route) => {
      const res = await api.call(route.method, pathFor(route, recordsA[route.resource ?? "user"]), { token: ordinary.tokens.admin, ...bodyFor(route) });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    },
  );

  it.each(scoped.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    "%s answers 404 for another organisation's record, to its admin",
    async (_name, route) => {
      const id = recordsB[route.resource!];
      const sample = SAMPLES[`${route.method} ${route.path}`];
      const body = sample?.body ?? (route.method === "patch" ? { version: 1, nameJa: "x", displayName: "x" } : undefined);
      const query = sample?.query?.(recordsB) ?? "";
      const res = await api.call(route.method, pathFor(route, id, recordsB) + query, { token: orgA.tokens.admin, ...(body && { body: pickKnown(route, body) }) });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
      // And the same id exists: organisation B's admin reaches it.
      if (route.method === "get") {
        const own = await api.call("get", pathFor(route, id, recordsB) + query, { token: orgB.tokens.admin });
        expect(own.status).toBe(200);
      }
    },
  );

  it("allows each permitted role through the policy (not 401/403)", async () => {
    for (const route of guarded.filter((r) => r.method === "get")) {
      for (const role of ROLES.filter((ro) => route.access !== "public" && can(ro, route.access.permission))) {
        const res = await api.call("get", pathFor(route, recordsA[route.resource ?? "user"]), { token: orgA.tokens[role] });
        // A route whose query has required parameters answers 400 to a bare GET — after the policy let it through.
        const needsQuery = route.query !== undefined && !route.query.safeParse({}).success;
        expect(needsQuery ? [200, 400, 404] : [200, 404], `${route.path} as ${role}`).toContain(res.status);
        if (res.status === 400) expect(res.body.error.code).toBe("validation_failed");
      }
    }
  });
});

/**
 * Valid requests for routes whose body or query is required, so the cross-tenant test reaches the
 * record lookup instead of stopping at validation.
 */
const SAMPLES: Record<string, { body?: Record<string, unknown>; query?: (r: Planted) => string }> = {
  "post /api/systems/:id/assessments": { body: { framework: "jp-ai-guidelines" } },
  "post /api/systems/:id/cyclonedx": { body: { bom: { bomFormat: "CycloneDX", specVersion: "1.6" } } },
  "post /api/assessments/:id/sign-off": { body: { version: 1 } },
  "patch /api/assessment-items/:id": { body: { version: 1, comment: "x" } },
  "post /api/assessments/:id/inference": { body: { from: "asm_other", itemIds: ["itm_x"] } },
  "get /api/assessments/:id/inference": { query: (r) => `?from=${r.otherAssessment}` },
  "patch /api/controls/:id": { body: { version: 1, titleJa: "x" } },
  "patch /api/fields/:id": { body: { version: 1, labelJa: "x" } },
  "patch /api/evidence/:id": { body: { version: 1, title: "x" } },
  "post /api/evidence/:id/links": { body: { type: "control", id: "ctl_x" } },
  "post /api/imports/:id/preview": { body: { mapping: [{ column: "nameJa", field: "nameJa" }] } },
  "post /api/imports/:id/read": { body: { headerRow: 1 } },
  "post /api/imports/:id/values": { body: { column: "nameJa", field: "nameJa" } },
  "post /api/incidents/imports/:id/preview": { body: { mapping: [{ column: "Title", field: "title" }] } },
  "post /api/incidents/imports/:id/commit": { body: { mapping: [{ column: "Title", field: "title" }] } },
  "post /api/incidents/imports/:id/read": { body: { headerRow: 1 } },
  "post /api/reference-incidents/imports/:id/preview": { body: REFERENCE_BODY },
  "post /api/reference-incidents/imports/:id/commit": { body: REFERENCE_BODY },
  "post /api/reference-incidents/imports/:id/read": { body: { headerRow: 1 } },
  "post /api/incidents/imports/:id/values": { body: { column: "Severity", field: "severity" } },
  "patch /api/risks/:id": { body: { version: 1, titleJa: "x" } },
  "post /api/risks/:id/accept": { body: { version: 1, expiresOn: "2999-01-01", note: "x" } },
  "post /api/risks/:id/review": { body: { version: 1, note: "x" } },
  "patch /api/tasks/:id": { body: { version: 1, title: "x" } },
  "post /api/tasks/:id/complete": { body: { version: 1 } },
  "post /api/tasks/:id/comments": { body: { body: "x" } },
  "post /api/approvals/:id/decide": { body: { decision: "approve" } },
  "patch /api/review-schedules/:id": { body: { version: 1, name: "x" } },
  "patch /api/incidents/:id": { body: { version: 1, title: "x" } },
  "post /api/incidents/:id/timeline": { body: { body: "x" } },
  "post /api/incidents/:id/actions": { body: { kind: "corrective", title: "x" } },
  "post /api/incidents/:id/close": { body: { version: 1, note: "x" } },
  "patch /api/vendors/:id": { body: { version: 1, name: "x" } },
  "post /api/vendors/:id/reviews": { body: { version: 1, answers: Object.fromEntries(["sec.assurance", "sec.incident_notice", "sec.access", "data.training", "data.location", "data.retention", "data.personal", "prov.models", "prov.training_data", "prov.evaluation", "ctr.inputs", "ctr.outputs", "ctr.rights", "ctr.use_restrictions", "ctr.liability"].map((q) => [q, { answer: "yes" }])) } },
  "post /api/disclosures/haip-reports/:id/prefill": { body: { version: 1 } },
  "put /api/disclosures/haip-reports/:id/answers/:questionId": { body: { version: 1, ja: "x", en: "x" } },
  "post /api/disclosures/haip-reports/:id/submit": { body: { version: 1, approvalPlan: [["usr_01jx0000000000000000000000"]] } },
  "post /api/disclosures/haip-reports/:id/withdraw-submission": { body: { version: 1 } },
  "post /api/disclosures/haip-reports/:id/publish": { body: { version: 1 } },
  "post /api/disclosures/publications/:id/withdraw": { body: { reason: "x" } },
  "post /api/oversight/registrations/:id/decision": { body: { decision: "approved" } },
  "patch /api/oversight/intake/:id": { body: { version: 1, status: "triaged" } },
  "patch /api/oversight/cases/:id": { body: { version: 1, summary: "x" } },
  "post /api/oversight/cases/:id/entries": { body: { kind: "note", body: "x" } },
  "post /api/dealings/:id/answer": { body: { version: 1, answers: [] } },
  "post /api/dealings/:id/accept": { body: { version: 1 } },
  "post /api/oversight/advisories/:id/send": { body: { version: 1 } },
  "post /api/oversight/publications/:id/notice": { body: { version: 1 } },
  "post /api/oversight/publications/:id/submit": { body: { version: 1, approvalPlan: [["usr_01jx0000000000000000000000"]] } },
  "post /api/oversight/publications/:id/publish": { body: { version: 1 } },
  "post /api/oversight/publications/:id/withdraw": { body: { version: 1, reason: "x" } },
  "post /api/dealings/:id/respond": { body: { version: 1, text: "x" } },
  "post /api/imports/:id/commit": { body: { mapping: [{ column: "nameJa", field: "nameJa" }], skipInvalid: false } },
};

/** Keeps only the fields the route's body schema accepts, so the request reaches the record lookup. */
function pickKnown(route: AnyRoute, body: Record<string, unknown>) {
  const shape = (route.body as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  return Object.fromEntries(Object.entries(body).filter(([k]) => k in shape));
}
