import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "./support/app.ts";
import { itemsOf, JP_BUSINESS_PROFILE, registerSystem, startAssessment } from "./support/compliance.ts";
import { testDatabases } from "./support/databases.ts";
import type { Db } from "../src/db/connect.ts";

/**
 * Answers checked against the OpenAPI description of their operation and status (issue 21): a
 * property the description does not declare, a missing required one or a wrong type fails. The
 * description's object schemas forbid undeclared properties, so a strict generated client would
 * refuse exactly what this refuses. These are the answers where drift was found (requirement
 * references carried `requirement`, `obligation` and `currency` undeclared) and today's new ones.
 */
describe.each(testDatabases())("answers match the API's description ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: { "application/json"?: { schema: object } } }> }>> };
  const ids: Record<string, string> = {};
  const ajv = new Ajv2020({ allErrors: true, strict: false });

  /** The answer to `GET path` checked against the description of `template` (the path as the description writes it). */
  const check = async (template: string, path: string) => {
    const res = await api.call("GET", path, { token: org.tokens.admin });
    const schema = doc.paths[template]?.get?.responses[String(res.status)]?.content?.["application/json"]?.schema;
    expect(schema, `${template} ${res.status}: no description for this status`).toBeDefined();
    const validate = ajv.compile(schema!);
    const ok = validate(res.body);
    expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`), template).toEqual([]);
    return res;
  };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "contract");
    doc = (await api.call("GET", "/api/openapi.json")).body;
    const system = await registerSystem(api, org.tokens.admin, { code: "CON-1", nameJa: "契約検証", nameEn: "Contract check", profile: JP_BUSINESS_PROFILE });
    const assessment = await startAssessment(api, org.tokens.admin, system.id, system.frameworks[0]!);
    const row = (await itemsOf(api, org.tokens.admin, assessment.id))[0]!;
    const control = await api.call("POST", "/api/controls", { token: org.tokens.admin, body: { code: "C-1", titleJa: "管理策", titleEn: "Control", requirements: [row.requirement.urn] } });
    expect(control.status).toBe(201);
    ids.control = control.body.id;
    await api.call("PATCH", `/api/assessment-items/${row.id}`, { token: org.tokens.admin, body: { version: row.version, answer: "not_met", justification: "未対応" } });
  });
  afterAll(() => ctx.cleanup());

  it("for the controls, the assessment rows and the dashboard, which cite requirements", async () => {
    expect((await check("/api/controls", "/api/controls")).body.items[0].requirements.length).toBeGreaterThan(0);
    expect((await check("/api/controls/{id}", `/api/controls/${ids.control}`)).body.requirements[0].requirement).toBe(true);
    await check("/api/assessment-items", "/api/assessment-items?limit=20");
    await check("/api/dashboard", "/api/dashboard");
  });

  it("for the health checks and the reference cases", async () => {
    await check("/api/health/live", "/api/health/live");
    await check("/api/health/ready", "/api/health/ready");
    await check("/api/reference-incidents", "/api/reference-incidents?limit=5");
  });
});
