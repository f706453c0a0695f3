import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../test/support/databases.ts";
import { testApp, type TestApp } from "../test/support/app.ts";
import { ROUTES } from "./routes.ts";

describe("health, OpenAPI and docs", () => {
  const dialect = testDatabases()[0]!;
  let ctx: Awaited<ReturnType<typeof dialect.open>>;
  let api: TestApp;
  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
  });
  afterAll(() => ctx.cleanup());

  it("answers health with the database kind", async () => {
    const res = await api.call("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", database: "sqlite" });
  });

  it("describes every registered route in OpenAPI 3.1, with its permission", async () => {
    const res = await api.call("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    for (const route of ROUTES) {
      const op = res.body.paths[route.path.replace(/:(\w+)/g, "{$1}")]?.[route.method];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      if (route.access === "public") expect(op.security).toEqual([]);
      else expect(op["x-musubi-permission"]).toBe(route.access.permission);
    }
    const create = res.body.paths["/api/users"].post;
    expect(create.requestBody.content["application/json"].schema.required).toEqual(expect.arrayContaining(["email", "displayName", "role"]));
    expect(create.requestBody.content["application/json"].schema.additionalProperties).toBe(false);
    const list = res.body.paths["/api/users"].get.parameters.map((p: { name: string }) => p.name);
    expect(list).toEqual(expect.arrayContaining(["limit", "offset", "sort", "q", "role"]));
  });

  it("serves the docs page and its assets locally, under the CSP", async () => {
    const page = await api.call("GET", "/api/docs");
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/swagger-ui-bundle\.js/);
    expect(page.body).not.toMatch(/https?:\/\/(?!localhost)/);
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    const asset = await api.call("GET", "/api/docs/assets/swagger-ui-bundle.js");
    expect(asset.status).toBe(200);
    expect((await api.call("GET", "/api/docs/assets/..%2Fpackage.json")).status).toBe(404);
  });

  it("sends security headers on every answer, errors included", async () => {
    const error = await api.call("GET", "/api/users");
    expect(error.status).toBe(401);
    expect(error.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(error.headers.get("cache-control")).toBe("no-store");
    const res = await api.call("GET", "/api/health");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });
});
