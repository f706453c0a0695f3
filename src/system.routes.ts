import { sql } from "kysely";
import { z } from "zod";
import { defineRoute, type AnyRoute } from "./platform/http/route.ts";
import { buildOpenApi } from "./platform/http/openapi.ts";
import { VERSION } from "./platform/version.ts";
import { AppError } from "./platform/errors.ts";
import { pendingMigrations } from "./db/migrate.ts";

const health = z.object({ status: z.literal("ok"), version: z.string(), database: z.enum(["sqlite", "postgres"]), time: z.string() });
const live = z.object({ status: z.literal("ok"), version: z.string() });
const ready = z.object({ status: z.literal("ready"), version: z.string(), database: z.enum(["sqlite", "postgres"]) });

/** Health and the API's own description; both public, both in the registry like any other route. */
export function systemRoutes(all: () => readonly AnyRoute[]) {
  let openapi: unknown;
  return [
    defineRoute({
      method: "get",
      path: "/api/health",
      summary: "Liveness and database reachability",
      tag: "system",
      access: "public",
      response: health,
      async handler({ deps }) {
        await sql`select 1`.execute(deps.db.kysely);
        return { status: "ok" as const, version: VERSION, database: deps.db.dialect, time: new Date().toISOString() };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/health/live",
      summary: "Liveness: the process answers (it does not touch the database; a load balancer restarts a server only when this fails)",
      tag: "system",
      access: "public",
      response: live,
      handler: async () => ({ status: "ok" as const, version: VERSION }),
    }),
    defineRoute({
      method: "get",
      path: "/api/health/ready",
      summary: "Readiness: the database answers and has run every migration of this version (503 not_ready otherwise, with what is missing), so a half-migrated database is never served",
      tag: "system",
      access: "public",
      response: ready,
      responses: { 503: { description: "not_ready: the database does not answer, or a migration of this version has not run (details name them)" } },
      async handler({ deps }) {
        let pending: string[];
        try {
          pending = await pendingMigrations(deps.db);
        } catch {
          throw new AppError(503, "not_ready", { database: "unreachable" });
        }
        if (pending.length > 0) throw new AppError(503, "not_ready", { pendingMigrations: pending });
        return { status: "ready" as const, version: VERSION, database: deps.db.dialect };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/openapi.json",
      summary: "This API's OpenAPI 3.1 description",
      tag: "system",
      access: "public",
      response: z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }).describe("An OpenAPI 3.1 document (its schema: spec.openapis.org/oas/3.1)"),
      async handler() {
        openapi ??= buildOpenApi(all(), VERSION);
        return openapi;
      },
    }),
  ];
}
