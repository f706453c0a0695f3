import { sql } from "kysely";
import { z } from "zod";
import { defineRoute, type AnyRoute } from "./platform/http/route.ts";
import { buildOpenApi } from "./platform/http/openapi.ts";
import { VERSION } from "./platform/version.ts";

const health = z.object({ status: z.literal("ok"), version: z.string(), database: z.enum(["sqlite", "postgres"]), time: z.string() });

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
      path: "/api/openapi.json",
      summary: "This API's OpenAPI 3.1 description",
      tag: "system",
      access: "public",
      async handler() {
        openapi ??= buildOpenApi(all(), VERSION);
        return openapi;
      },
    }),
  ];
}
