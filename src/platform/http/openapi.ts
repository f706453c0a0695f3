import { z } from "zod";
import type { AnyRoute } from "./route.ts";

type JsonSchema = Record<string, unknown>;

function schemaOf(type: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(type, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return tidy(rest) as JsonSchema;
}

const isEmptySchema = (s: unknown) => typeof s === "object" && s !== null && !Array.isArray(s) && Object.keys(s).length === 0;

/**
 * Two of zod's JSON Schema shapes said plainly, meaning the same, so that tools reading the
 * description (linters, client generators) read them right: a record keyed by an enum (zod: every
 * key required, through `propertyNames`) becomes an object with those properties; an `anyOf` with
 * an alternative that matches anything (`unknown().nullable()`) becomes that alternative.
 */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (typeof node !== "object" || node === null) return node;
  const s = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, tidy(v)])) as JsonSchema;
  const keys = (s.propertyNames as { enum?: unknown[] } | undefined)?.enum;
  if (s.type === "object" && !s.properties && Array.isArray(s.required) && keys?.every((k) => typeof k === "string")) {
    const value = s.additionalProperties === undefined || s.additionalProperties === true ? {} : s.additionalProperties;
    const { propertyNames: _names, additionalProperties: _values, ...rest } = s;
    return { ...rest, properties: Object.fromEntries((keys as string[]).map((k) => [k, value])), additionalProperties: false };
  }
  if (Array.isArray(s.anyOf) && s.anyOf.some(isEmptySchema)) {
    const { anyOf: _any, ...rest } = s;
    return rest;
  }
  return s;
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

/** A file's bytes, whatever its media type. */
const FILE_SCHEMA: JsonSchema = { type: "string", format: "binary" };

/** The success answer: a file in one of its media types, a JSON body, or nothing. */
function success(r: AnyRoute, status: string): JsonSchema {
  if (r.files) {
    const content = Object.fromEntries(r.files.map((type) => [type, { schema: type === "application/json" && r.response ? schemaOf(r.response, "output") : FILE_SCHEMA }]));
    return { description: "The file", content };
  }
  if (status === "204" || !r.response) return { description: "Done" };
  return { description: "OK", content: { "application/json": { schema: schemaOf(r.response, "output"), ...(r.example?.response !== undefined && { example: r.example.response }) } } };
}

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
    const others: Record<string, JsonSchema> = Object.fromEntries(
      Object.entries(r.responses ?? {}).map(([code, { description, schema }]) => [
        code,
        { description, content: { "application/json": { schema: schema ? schemaOf(schema, "output") : { $ref: "#/components/schemas/Error" } } } },
      ]),
    );
    // A cached read answers 304 to a request whose If-None-Match names the page it has.
    if (r.cache) others["304"] = { description: "Not modified: the copy whose ETag the request named is current" };
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method}${path.replace(/[{}]/g, "").replace(/\/(\w)/g, (_m, ch: string) => ch.toUpperCase()).replace(/\W/g, "")}`,
      ...(r.access === "public" ? { security: [] } : { "x-musubi-permission": r.access.permission }),
      ...(parameters.length > 0 && { parameters }),
      ...(r.body && { requestBody: { required: true, content: { "application/json": { schema: schemaOf(r.body, "input"), ...(r.example?.body !== undefined && { example: r.example.body }) } } } }),
      responses: {
        [status]: success(r, status),
        ...errors,
        ...others,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Musubi API",
      version,
      license: { name: "Apache License 2.0", identifier: "Apache-2.0" },
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
