import { z } from "zod";
import type { AnyRoute } from "./route.ts";

type JsonSchema = Record<string, unknown>;

function schemaOf(type: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(type, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string", description: "In English or Japanese, following Accept-Language" },
        details: {},
      },
    },
  },
};

const ERROR_RESPONSES: Record<string, string> = {
  "400": "Invalid input (validation_failed, malformed_json)",
  "401": "Not signed in, or the session/token is invalid or expired",
  "403": "The caller's role lacks the permission, or the CSRF token is missing",
  "404": "No such record in the caller's organisation",
  "409": "Conflict: stale version or duplicate",
  "413": "Body too large",
  "415": "Body is not application/json",
  "429": "Too many attempts",
};

/** Builds the OpenAPI 3.1 document from the same route registry the server mounts. */
export function buildOpenApi(routes: readonly AnyRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, "{$1}");
    const parameters: unknown[] = [];
    for (const [where, schema] of [["path", r.params], ["query", r.query]] as const) {
      if (!schema) continue;
      const js = schemaOf(schema, "input");
      const props = (js.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((js.required ?? []) as string[]);
      for (const [name, s] of Object.entries(props)) {
        parameters.push({ name, in: where, required: where === "path" || required.has(name), schema: s });
      }
    }
    const status = String(r.status ?? 200);
    const errors = Object.fromEntries(
      Object.entries(ERROR_RESPONSES)
        .filter(([code]) => r.access !== "public" || !["401", "403"].includes(code))
        .map(([code, description]) => [code, { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
    );
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method}${path.replace(/[{}]/g, "").replace(/\/(\w)/g, (_m, ch: string) => ch.toUpperCase()).replace(/\W/g, "")}`,
      ...(r.access === "public" ? { security: [] } : { "x-musubi-permission": r.access.permission }),
      ...(parameters.length > 0 && { parameters }),
      ...(r.body && { requestBody: { required: true, content: { "application/json": { schema: schemaOf(r.body, "input") } } } }),
      responses: {
        [status]:
          status === "204" || !r.response
            ? { description: "Done" }
            : { description: "OK", content: { "application/json": { schema: schemaOf(r.response, "output") } } },
        ...errors,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Musubi API",
      version,
      description:
        "AI governance platform. Authenticate with the session cookie (browser; writes need the X-CSRF-Token header) " +
        "or `Authorization: Bearer msb_…` (API token). Lists take limit, offset, sort (`-field` for descending) and filters.",
    },
    servers: [{ url: "/" }],
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: {
        cookieAuth: { type: "apiKey", in: "cookie", name: "musubi_session" },
        bearerAuth: { type: "http", scheme: "bearer" },
      },
    },
    security: [{ cookieAuth: [] }, { bearerAuth: [] }],
    paths,
  };
}
