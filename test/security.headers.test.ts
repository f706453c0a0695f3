import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/db/connect.ts";
import { testDatabases } from "./support/databases.ts";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "./support/app.ts";

const REQUIRED = ["content-security-policy", "x-content-type-options", "x-frame-options", "strict-transport-security", "x-request-id", "referrer-policy"];

/** The answers handlers build themselves (downloads, reports, exports), plus ordinary and error answers. */
describe.each(testDatabases().slice(0, 1))("security headers on every answer ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "hdr");
    const up = await api.app.request("/api/files", { method: "POST", headers: { authorization: `Bearer ${org.tokens.admin}`, "x-file-name": "x.html" }, body: new TextEncoder().encode("<script>alert(1)</script>") });
    const file = await up.json();
    const evidence = await api.call("POST", "/api/evidence", { token: org.tokens.admin, body: { kind: "file", title: "html", file: { sha256: file.sha256, name: "x.html", mediaType: "text/html" } } });
    const incident = await api.call("POST", "/api/incidents", { token: org.tokens.admin, body: { title: "誤判定" } });
    Object.assign(urls, {
      "evidence download": `/api/evidence/${evidence.body.id}/file`,
      "incident report (HTML)": `/api/incidents/${incident.body.id}/report?format=html`,
      "incident report (JSON)": `/api/incidents/${incident.body.id}/report`,
      "inventory export CSV": "/api/systems/export?format=csv",
      "inventory export Excel": "/api/systems/export?format=xlsx",
      "inventory export JSON": "/api/systems/export?format=json",
      "a list": "/api/systems",
      "an error": "/api/systems/sys_nope",
      "no such route": "/api/nope",
      "the OpenAPI description": "/api/openapi.json",
    });
  });
  afterAll(() => ctx.cleanup());

  it("carries CSP, nosniff, frame denial, HSTS and the request id on each", async () => {
    expect(Object.keys(urls)).toHaveLength(10);
    for (const [name, url] of Object.entries(urls)) {
      const res = await api.app.request(url, { headers: { authorization: `Bearer ${org.tokens.admin}`, "x-request-id": "" } });
      for (const header of REQUIRED) expect(res.headers.get(header), `${name}: ${header}`).toBeTruthy();
      expect(res.headers.get("x-content-type-options"), name).toBe("nosniff");
      expect(res.headers.get("cache-control"), name).toBe("no-store");
    }
  });

  it("serves a user's file as an attachment of opaque type, so a browser never renders it", async () => {
    const res = await api.app.request(urls["evidence download"]!, { headers: { authorization: `Bearer ${org.tokens.admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="x\.html"/);
  });

  it("lets the printed report keep its style sheet while nothing in it can run", async () => {
    const res = await api.app.request(urls["incident report (HTML)"]!, { headers: { authorization: `Bearer ${org.tokens.admin}` } });
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
  });
});
