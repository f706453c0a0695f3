import { Writable } from "node:stream";
import type { Hono } from "hono";
import pino from "pino";
import { createApp } from "../../src/app.ts";
import type { Db } from "../../src/db/connect.ts";
import { loadConfig } from "../../src/platform/config.ts";
import type { AppDeps, ResourceKind } from "../../src/platform/http/route.ts";
import { createDeps } from "../../src/server.ts";
import { JP_BUSINESS_PROFILE, itemsOf, registerSystem, startAssessment } from "./compliance.ts";
import { seedOrg, TEST_PASSWORD, type SeededOrg, type TestApp } from "./app.ts";
import { plantExchange, type PlantedExchange } from "./exchange.ts";

/** The records of one organisation a fuzz request can aim at, by kind. */
export type Planted = Record<ResourceKind, string> & {
  /** A second assessment of the same system: the `from` of inference. */
  otherAssessment: string;
  /** An active user other than the one a path names, for owner and assignee fields. */
  person: string;
  /** A requirement URN that the planted assessment answers. */
  urn: string;
  /** An uploaded file's SHA-256. */
  sha256: string;
};

export interface FuzzWorld {
  app: Hono;
  api: TestApp;
  deps: AppDeps;
  /** The organisation under fuzz, fresh so its mutations bother nobody. */
  org: SeededOrg;
  records: Planted;
  /** A second organisation whose ids must all look like nothing to `org`. */
  other: SeededOrg;
  otherRecords: Planted;
  /** The admin's browser session, for requests that go through the CSRF check. */
  session: { cookie: string; csrf: string };
  library: { framework: string; version: string };
  /** Server-side errors logged while serving a request, by request id. */
  serverErrors: Map<string, string>;
}

/**
 * An app whose logger keeps the message and first stack frames of every unhandled error, so a
 * failing fuzz case can print what broke on the server next to the request that broke it.
 */
function appWithErrorLog(db: Db, dataDir: string): { app: Hono; deps: AppDeps; serverErrors: Map<string, string> } {
  const serverErrors = new Map<string, string>();
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      try {
        const line = JSON.parse(chunk.toString()) as { reqId?: string; err?: { type?: string; message?: string; stack?: string } };
        if (line.reqId && line.err) serverErrors.set(line.reqId, `${line.err.type}: ${line.err.message}\n${(line.err.stack ?? "").split("\n").slice(1, 6).join("\n")}`);
      } catch {
        /* not a JSON log line */
      }
      done();
    },
  });
  const config = loadConfig({ MUSUBI_DATA_DIR: dataDir }, { logLevel: "error" });
  const deps = createDeps(config, db, pino({ level: "error" }, sink));
  return { app: createApp(deps), deps, serverErrors };
}

function callerOf(app: Hono): TestApp["call"] {
  return async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers["content-type"] ??= "application/json";
    }
    const res = await app.request(path, { method: method.toUpperCase(), headers, ...(body !== undefined && { body }) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
}

async function expectOk<T = any>(what: string, res: { status: number; body: any; headers?: Headers }, errors?: Map<string, string>): Promise<T> {
  if (res.status >= 300) throw new Error(`fuzz seed: ${what} answered ${res.status} ${JSON.stringify(res.body)} ${errors?.get(res.headers?.get("x-request-id") ?? "") ?? ""}`);
  return res.body as T;
}

/** One record of every kind, made through the API as a user would, so ids exist to hit. */
async function plant(api: TestApp, org: SeededOrg, errors: Map<string, string>, exchange: PlantedExchange): Promise<Planted> {
  const admin = org.tokens.admin;
  const post = (path: string, body: unknown) => api.call("POST", path, { token: admin, body }).then((r) => expectOk(`POST ${path}`, r, errors));
  const upload = async (path: string, name: string, type: string, text: string) => {
    const res = await api.app.request(path, { method: "POST", headers: { authorization: `Bearer ${admin}`, "x-file-name": name, "content-type": type }, body: new TextEncoder().encode(text) });
    return expectOk(`POST ${path}`, { status: res.status, body: await res.json(), headers: res.headers }, errors);
  };
  const dep = await post("/api/departments", { code: "FUZZ-D", nameJa: "部", nameEn: "Department" });
  const user = await post("/api/users", { email: `target@${org.slug}.test`, displayName: "Target", role: "viewer", password: TEST_PASSWORD });
  const token = await post("/api/tokens", { name: "fuzz target", role: "viewer" });
  const system = await registerSystem(api, admin, { nameJa: "対象システム", nameEn: "Target system", profile: JP_BUSINESS_PROFILE, departmentId: dep.id });
  const assessment = await startAssessment(api, admin, system.id, "jp-ai-guidelines");
  const otherAssessment = await startAssessment(api, admin, system.id, "nist-ai-rmf");
  const [item] = await itemsOf(api, admin, assessment.id);
  const control = await post("/api/controls", { code: "C-1", titleJa: "管理策", titleEn: "Control" });
  const file = await upload("/api/files", "e.txt", "text/plain", org.slug);
  const evidence = await post("/api/evidence", { kind: "file", title: "e", file: { sha256: file.sha256, name: "e.txt" }, links: [{ type: "control", id: control.id }] });
  const risk = await post("/api/risks", { titleJa: "リスク", titleEn: "Risk", systemId: system.id, inherentLikelihood: 3, inherentImpact: 4 });
  const task = await post("/api/tasks", { title: "是正", assigneeId: org.users.admin.id, approvalPlan: [[org.users.governance_lead.id]] });
  const submitted = await post(`/api/tasks/${task.id}/complete`, { version: task.version });
  const delegation = await post("/api/delegations", { delegateId: org.users.governance_lead.id, startsOn: "2026-01-01", endsOn: "2026-12-31" });
  const webhook = await post("/api/webhooks", { url: "https://example.com/musubi-fuzz" });
  const schedule = await post("/api/review-schedules", { name: "年次レビュー", subjectType: "system", active: false });
  const incident = await post("/api/incidents", { title: "誤判定", systemIds: [system.id] });
  const vendor = await post("/api/vendors", { name: "Vendor", systemIds: [system.id] });
  const job = await upload("/api/imports", "inv.csv", "text/csv", "nameJa,nameEn\nあ,A\n");
  const incidentJob = await upload("/api/incidents/imports", "incidents.csv", "text/csv", "Title,Severity\n誤判定,high\n");
  const referenceJob = await upload("/api/reference-incidents/imports", "register.csv", "text/csv", "Case ID,Headline\nC-1,顔認識の誤認\n");
  await post(`/api/reference-incidents/imports/${referenceJob.id}/commit`, { mapping: [{ column: "Headline", field: "title" }, { column: "Case ID", field: "id" }], source: { name: "Public register", licence: "CC0-1.0" } });
  const referenceSources = (await api.call("GET", "/api/reference-incidents", { token: admin }).then((r) => expectOk("GET /api/reference-incidents", r, errors))).sources as { id: string; own: boolean }[];
  const field = await post("/api/fields", { entity: "system", key: "legal_basis", labelJa: "法的根拠", labelEn: "Legal basis", type: "text" });
  const preset = await post("/api/import-presets", { name: "register", settings: { mapping: [{ column: "nameJa", field: "nameJa" }] } });
  const report = await post("/api/disclosures/haip-reports", { year: 2026, roles: ["deployer"], prefill: false });
  const publication = await post(`/api/systems/${system.id}/card/publish`, {});
  const reportJob = await api.call("POST", "/api/reports/jobs", { token: admin, body: { kind: "compliance", params: { framework: "jp-ai-guidelines" }, format: "xlsx" } }).then((r) => expectOk("POST /api/reports/jobs", r, errors));
  const planted: Planted = {
    user: user.user.id,
    token: token.token.id,
    department: dep.id,
    system: system.id,
    assessment: assessment.id,
    assessment_item: item!.id,
    control: control.id,
    evidence: evidence.id,
    import: job.id,
    incident_import: incidentJob.id,
    reference_import: referenceJob.id,
    reference_source: referenceSources.find((s) => s.own)!.id,
    import_preset: preset.id,
    custom_field: field.id,
    risk: risk.id,
    task: task.id,
    approval: submitted.approval.id,
    delegation: delegation.id,
    webhook: webhook.id,
    schedule: schedule.id,
    incident: incident.id,
    vendor: vendor.id,
    haip_report: report.id,
    publication: publication.id,
    report_job: reportJob.id,
    ...exchange,
    otherAssessment: otherAssessment.id,
    person: org.users.governance_lead.id,
    urn: item!.requirement.urn,
    sha256: file.sha256,
  };
  for (const [kind, id] of Object.entries(planted)) if (typeof id !== "string" || id === "") throw new Error(`fuzz seed: no ${kind} planted`);
  return planted;
}

/** A migrated database with two planted organisations and an admin session in the first. */
export async function buildFuzzWorld(db: Db, dataDir: string): Promise<FuzzWorld> {
  const { app, deps, serverErrors } = appWithErrorLog(db, dataDir);
  const api: TestApp = { app, deps, call: callerOf(app) };
  // Authorities, registered with each other, so the oversight routes and the exchange's records are fuzzed too.
  const org = await seedOrg(db, "fuzz", { kind: "authority" });
  const other = await seedOrg(db, "other", { kind: "authority" });
  const exchange = await plantExchange(api, org, other);
  const records = await plant(api, org, serverErrors, exchange.fuzz!);
  const otherRecords = await plant(api, other, serverErrors, exchange.other!);
  const login = await api.call("POST", "/api/auth/login", { body: { email: org.users.admin.email, password: TEST_PASSWORD } });
  await expectOk("sign-in", login);
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith("musubi_session="))?.split(";")[0];
  if (!cookie) throw new Error("fuzz seed: signing in set no session cookie");
  const session = { cookie, csrf: login.body.csrfToken as string };
  const [framework, versions] = [...deps.library.frameworks.entries()][0]!;
  return { app, api, deps, org, records, other, otherRecords, session, library: { framework, version: [...versions.keys()][0]! }, serverErrors };
}
