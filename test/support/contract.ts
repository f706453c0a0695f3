import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsPlugin from "ajv-formats";
import { buildOpenApi } from "../../src/platform/http/openapi.ts";
import { VERSION } from "../../src/platform/version.ts";
import { ROUTES } from "../../src/routes.ts";

/**
 * Every answer a test receives from the API, checked against the OpenAPI description of its
 * operation and status (issue 21): an undocumented status, a JSON body where the description
 * promises none, a property the description does not declare, a missing required one or a wrong
 * type is a contract problem. `testApp().call` throws on one, so the test that received the
 * answer fails where it made the call.
 */

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

interface Template {
  path: string;
  pattern: RegExp;
  /** Literal segments first: `/api/systems/export` is matched before `/api/systems/{id}`. */
  params: number;
  methods: Record<string, Operation>;
}

let compiled: { templates: Template[]; doc: { components: { schemas: Record<string, object> } } } | undefined;
const validators = new Map<string, ValidateFunction>();
const ajv = new Ajv2020({ allErrors: true, strict: false });
// The formats the description names (date, date-time, email, uri…) are checked too. ajv-formats is
// CommonJS: under NodeNext its default export may arrive as the module object's `default`.
(((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as (a: Ajv2020) => void)(ajv);

function description() {
  if (compiled) return compiled;
  const doc = buildOpenApi(ROUTES, VERSION) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };
  ajv.addSchema({ $id: "musubi:components", components: doc.components });
  const templates = Object.entries(doc.paths).map(([path, methods]) => ({
    path,
    pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "[^/]+")}$`),
    params: (path.match(/\{/g) ?? []).length,
    methods,
  }));
  templates.sort((a, b) => a.params - b.params);
  compiled = { templates, doc };
  return compiled;
}

/** Local `#/components/...` references, rewritten to the schema registered above. */
function resolvable(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"musubi:components#/components/')) as object;
}

function validatorFor(key: string, schema: object): ValidateFunction {
  let v = validators.get(key);
  if (!v) validators.set(key, (v = ajv.compile(resolvable(schema))));
  return v;
}

/**
 * What is wrong with an answer, by the description; empty when nothing is. Only the API
 * (`/api/...`) is described: pages, public pages, the Swagger UI at `/api/docs` and `/metrics`
 * are not checked here.
 */
export function contractProblems(method: string, url: string, status: number, contentType: string | null, body: unknown): string[] {
  const path = new URL(url, "http://musubi.test").pathname;
  // The browsable description (Swagger UI at /api/docs and its assets) is a page about the API, not part of it.
  if (!path.startsWith("/api/") || path === "/api/docs" || path.startsWith("/api/docs/")) return [];
  const { templates } = description();
  const m = method.toLowerCase();
  const template = templates.find((t) => t.pattern.test(path) && t.methods[m]) ?? templates.find((t) => t.pattern.test(path));
  const op = template?.methods[m];
  const isJson = contentType?.includes("application/json") ?? false;
  if (!template || !op) {
    // No such operation: the router's own answer, in the one error shape.
    if (status !== 404 && status !== 405) return [`${method} ${path}: ${status} from an operation the description does not have`];
    return isJson ? problemsOf(`error`, { $ref: "#/components/schemas/Error" }, body, `${method} ${path} ${status}`) : [`${method} ${path} ${status}: not the JSON error shape`];
  }
  const where = `${method} ${template.path} ${status}`;
  const response = op.responses[String(status)];
  if (!response) return [`${where}: status not in the description (it documents ${Object.keys(op.responses).join(", ")})`];
  const content = response.content;
  if (!content) return body !== undefined && body !== "" ? [`${where}: a body (${contentType ?? "no content type"}) where the description documents none`] : [];
  const type = contentType?.split(";")[0]!.trim().toLowerCase() ?? "";
  if (!content[type]) return [`${where}: ${type || "no content type"} where the description documents ${Object.keys(content).join(", ")}`];
  if (!isJson) return [];
  const schema = content["application/json"]?.schema;
  if (!schema) return [`${where}: JSON without a schema in the description`];
  return problemsOf(`${m} ${template.path} ${status}`, schema, body, where);
}

function problemsOf(key: string, schema: object, body: unknown, where: string): string[] {
  const validate = validatorFor(key, schema);
  if (validate(body)) return [];
  return validate.errors!.slice(0, 10).map((e) => `${where}: ${e.instancePath || "(body)"} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""}`);
}
