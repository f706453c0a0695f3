/**
 * Turns the OpenAPI document into fuzz cases: for each operation, a schema-valid base request and
 * the mutations of it that the fuzz test sends (targeted ones for every field, then random ones).
 */
import type { AnyRoute, ResourceKind } from "../../src/platform/http/route.ts";
import { ROLES, type Role } from "../../src/platform/authz.ts";
import { DEFAULT_RISK_MATRIX } from "../../src/risks/matrix.schema.ts";
import { QUESTIONS } from "../../src/vendors/questionnaire.ts";
import { JP_BUSINESS_PROFILE } from "./compliance.ts";
import type { Planted } from "./fuzz-world.ts";
import {
  badTexts,
  badValues,
  deleteAt,
  locationsOf,
  nameOf,
  PROTO_WORDS,
  Raw,
  REF_FIELDS,
  setAt,
  typeOf,
  validValue,
  type JsonSchema,
  type Location,
  type RefKind,
  type Rng,
} from "./fuzz-values.ts";

interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `POST /api/risks/{id}`, as the OpenAPI document names it. */
  key: string;
  method: string;
  template: string;
  parameters: Parameter[];
  body?: JsonSchema;
  route: AnyRoute;
}

type OpenApi = { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: { "application/json": { schema: JsonSchema } } } }>> };

/** Every operation of the document, joined to the route that serves it. */
export function operationsOf(doc: unknown, routes: readonly AnyRoute[]): Operation[] {
  const byKey = new Map(routes.map((r) => [`${r.method.toUpperCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`, r]));
  const out: Operation[] = [];
  for (const [template, ops] of Object.entries((doc as OpenApi).paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const key = `${method.toUpperCase()} ${template}`;
      const route = byKey.get(key);
      if (!route) throw new Error(`OpenAPI names ${key}, which no route serves`);
      out.push({ key, method: method.toUpperCase(), template, parameters: op.parameters ?? [], route, ...(op.requestBody && { body: op.requestBody.content["application/json"].schema }) });
    }
  }
  return out;
}

const LAST = /\/(close|sign-off|complete|decide|accept|acknowledge|run|resync|logout|password)$/;

/**
 * The order operations are fuzzed in: reads, then writes, then the ones that end a record's life
 * (closing, deciding, deleting), so planted records stay open for as long as possible.
 */
export function fuzzOrder(ops: readonly Operation[]): Operation[] {
  const rank = (o: Operation) => (o.method === "GET" ? 0 : o.method === "DELETE" ? 3 : LAST.test(o.template) ? 2 : 1);
  return [...ops].sort((a, b) => rank(a) - rank(b));
}

/** Who sends a case: an API token of a role, the admin's session (with or without its CSRF token). */
export type Caller = Role | "session" | "session-no-csrf";

/** A request under construction; mutations edit it before it is encoded. */
export interface Draft {
  path: Map<string, string | Raw>;
  /** Pairs, so a name can repeat or be `__proto__`. */
  query: [string, string | Raw][];
  body?: { json: unknown } | { raw: string; type?: string } | { bytes: Uint8Array; type: string };
  headers: Record<string, string>;
}

export interface FuzzCase {
  label: string;
  caller: Caller;
  mutate(d: Draft): void;
  /** Set when any answer below 400 is itself a failure: the case names another organisation's record. */
  mustRefuse?: true;
}

/**
 * Writes that may take another organisation's id without refusing it, because they only pick
 * among their own records: inference accepts the chosen ones of its own proposals and ignores the rest.
 */
const FOREIGN_IDS_IGNORED = new Set(["POST /api/assessments/{id}/inference body.itemIds.0"]);

/** Ids that name shared things, not an organisation's records (the framework library's URNs). */
const SHARED_KINDS = new Set<RefKind>(["urn"]);

/** Who sends an operation's base request when the admin cannot (an approval waits for its approver). */
const DEFAULT_CALLER = new Map<string, Caller>([["POST /api/approvals/{id}/decide", "governance_lead"]]);

/** Where a case gets real ids: this organisation's records, or the other one's. */
export interface Ids {
  mine: Planted;
  theirs: Planted;
  library: { framework: string; version: string };
}

const refOf = (p: Planted) => (kind: RefKind) => p[kind];

/** Valid bodies the schema alone cannot describe (a full matrix, every questionnaire answer, a real profile). */
function bodyOverride(op: Operation, ids: Ids): Record<string, unknown> | undefined {
  switch (op.key) {
    case "POST /api/systems/{id}/cyclonedx":
      return { bom: { bomFormat: "CycloneDX", specVersion: "1.6", components: [] } };
    case "PUT /api/risk-matrix":
      return { matrix: DEFAULT_RISK_MATRIX };
    case "POST /api/vendors/{id}/reviews":
      return { answers: Object.fromEntries(QUESTIONS.map((q) => [q.id, { answer: "yes" }])) };
    case "POST /api/applicability/evaluate":
      return { facts: JP_BUSINESS_PROFILE };
    case "POST /api/evidence":
      return { kind: "file", title: "fuzz", file: { sha256: ids.mine.sha256, name: "e.txt" }, links: [{ type: "control", id: ids.mine.control }] };
    case "POST /api/tasks":
      return { subjectType: "system" };
    case "POST /api/imports/{id}/preview":
    case "POST /api/imports/{id}/commit":
      return { mapping: [{ column: "nameJa", field: "nameJa" }, { column: "nameEn", field: "nameEn" }] };
    case "POST /api/auth/login":
      return { email: "nobody@example.test", password: "wrong password" };
    default:
      return undefined;
  }
}

/** The id a path parameter takes by default. */
function pathValue(op: Operation, name: string, p: Planted, ids: Ids): string {
  if (name === "id") return p[(op.route.resource ?? "system") as ResourceKind];
  if (name === "type") return "control";
  if (name === "targetId") return p.control;
  if (name === "framework") return ids.library.framework;
  if (name === "version") return ids.library.version;
  if (name === "urn") return p.urn;
  return "x";
}

/** A request the schema accepts, aimed at this organisation's planted records. */
export function baseDraft(op: Operation, ids: Ids, version: (op: Operation, d: Draft) => number): Draft {
  const d: Draft = { path: new Map(), query: [], headers: {} };
  for (const p of op.parameters) {
    if (p.in === "path") d.path.set(p.name, pathValue(op, p.name, ids.mine, ids));
    else if (p.required) d.query.push([p.name, String(validValue(p.schema, p.name, refOf(ids.mine)))]);
  }
  if (op.route.upload) {
    d.body = { bytes: new TextEncoder().encode("nameJa,nameEn\nファズ,Fuzz\n"), type: "text/csv" };
    d.headers["x-file-name"] = "fuzz.csv";
  } else if (op.body) {
    const json = validValue(op.body, "", refOf(ids.mine)) as Record<string, unknown>;
    // A copy: mutations edit the draft in place, and DEFAULT_RISK_MATRIX is the app's own default.
    Object.assign(json, structuredClone(bodyOverride(op, ids)));
    if (op.body.properties?.version) json.version = version(op, d);
    d.body = { json };
  }
  return d;
}

function encodeSegment(v: string | Raw): string {
  if (v instanceof Raw) return v.text;
  try {
    return encodeURIComponent(v);
  } catch {
    return "%ED%A0%80"; // a lone surrogate cannot be encoded: send the bytes it would have been
  }
}

/** The request line's target: the path with its parameters, then the query. */
export function urlOf(op: Operation, d: Draft): string {
  const path = op.template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeSegment(d.path.get(name) ?? ""));
  const query = d.query.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join("&");
  return query ? `${path}?${query}` : path;
}

/** Headers as a client can send them: a value a real client could not send is percent-encoded. */
function toHeaders(h: Record<string, string>): Headers {
  const out = new Headers();
  for (const [k, v] of Object.entries(h)) out.set(k, /^[\x20-\x7e\t]*$/.test(v) ? v : encodeURIComponent(v.replace(/[\ud800-\udfff]/g, "?")));
  return out;
}

/**
 * The request a draft describes, with `auth` (a bearer token or a session cookie) among its headers;
 * `body` is a printable form of what it carries, for the failure report.
 */
export function requestOf(op: Operation, d: Draft, auth: Record<string, string>): { url: string; init: RequestInit; body?: string } {
  const headers: Record<string, string> = { ...auth };
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (d.body && "json" in d.body) {
    body = JSON.stringify(d.body.json) ?? "null";
    headers["content-type"] = "application/json";
  } else if (d.body && "raw" in d.body) {
    body = d.body.raw;
    headers["content-type"] = d.body.type ?? "application/json";
  } else if (d.body) {
    body = new Uint8Array(d.body.bytes);
    headers["content-type"] = d.body.type;
  }
  Object.assign(headers, d.headers);
  const url = urlOf(op, d);
  const init: RequestInit = { method: op.method, headers: toHeaders(headers), ...(body !== undefined && { body }) };
  return { url, init, ...(body !== undefined && { body: typeof body === "string" ? body : `<${body.length} bytes>` }) };
}

const jsonBody = (d: Draft): unknown => (d.body && "json" in d.body ? d.body.json : undefined);

function setBody(d: Draft, path: readonly (string | number)[], value: unknown) {
  d.body = { json: setAt(jsonBody(d) ?? {}, path, value) };
}

function setQuery(d: Draft, name: string, value: string | Raw) {
  const at = d.query.findIndex(([k]) => k === name);
  if (at >= 0) d.query[at] = [name, value];
  else d.query.push([name, value]);
}

/** The body's id-carrying locations (including items of id arrays and approval plans). */
function refLocations(locs: readonly Location[]): Location[] {
  return locs.filter((l) => REF_FIELDS.has(nameOf(l.path)) && typeOf(l.schema) === "string");
}

/**
 * The targeted cases every operation gets, each aimed at one field or one shape. `lean` leaves out
 * the ones that would repeat the valid request's work (other callers, query names a route without a
 * query ignores, more file names), for operations whose valid request is expensive.
 */
function targetedCases(op: Operation, ids: Ids, rng: Rng, lean: boolean): FuzzCase[] {
  const main = DEFAULT_CALLER.get(op.key) ?? "admin";
  const cases: FuzzCase[] = [{ label: "valid", caller: main, mutate: () => {} }];
  const add = (label: string, mutate: (d: Draft) => void, caller: Caller = main) => cases.push({ label, caller, mutate });
  const refuse = (label: string, mutate: (d: Draft) => void) => cases.push({ label, caller: main, mutate, mustRefuse: true });
  const locs = op.body ? locationsOf(op.body) : [];
  const hasBody = op.body !== undefined;

  for (const l of locs) {
    const at = l.path.join(".");
    if (typeOf(l.schema) === "string") add(`empty string body.${at}`, (d) => setBody(d, l.path, ""));
    if (l.required) add(`missing body.${at}`, (d) => deleteAt(jsonBody(d), l.path));
    add(`null body.${at}`, (d) => setBody(d, l.path, null));
    const wrong = typeOf(l.schema) === "string" ? rng.pick([42, true, [], {}]) : rng.pick(["fuzz", [], {}, "1e999"]);
    add(`wrong type body.${at}=${JSON.stringify(wrong)}`, (d) => setBody(d, l.path, wrong));
    if (typeOf(l.schema) === "string") add(`prototype word body.${at}`, (d) => setBody(d, l.path, rng.pick(PROTO_WORDS)));
    if (typeOf(l.schema) === "integer" || typeOf(l.schema) === "number") {
      for (const n of [2 ** 31, Number.MAX_SAFE_INTEGER, -1, 1e308, 1.5]) add(`body.${at}=${n}`, (d) => setBody(d, l.path, n));
    }
  }
  for (const l of refLocations(locs)) {
    const kind = REF_FIELDS.get(nameOf(l.path))!;
    const at = `body.${l.path.join(".")}`;
    const foreign = (d: Draft) => setBody(d, l.path, ids.theirs[kind]);
    if (op.method === "GET" || SHARED_KINDS.has(kind) || FOREIGN_IDS_IGNORED.has(`${op.key} ${at}`)) add(`other organisation's ${kind} in ${at}`, foreign);
    else refuse(`other organisation's ${kind} in ${at}`, foreign);
    add(`nonexistent id in body.${l.path.join(".")}`, (d) => setBody(d, l.path, "zzz_nonexistent"));
  }
  if (hasBody) {
    for (const shape of [null, [], "fuzz", 1, true]) add(`body is ${JSON.stringify(shape)}`, (d) => void (d.body = { json: shape }));
    add("body wrapped in an array", (d) => void (d.body = { json: [jsonBody(d)] }));
    add("body with __proto__ and constructor keys", (d) => {
      setBody(d, ["__proto__"], { polluted: true, isAdmin: true });
      setBody(d, ["constructor"], { prototype: { polluted: true } });
    });
    add("body is truncated JSON", (d) => void (d.body = { raw: JSON.stringify(jsonBody(d)).slice(0, -1) }));
    add("body sent as text/plain", (d) => void (d.body = { raw: JSON.stringify(jsonBody(d)), type: "text/plain" }));
  }
  for (const p of op.parameters) {
    if (p.in === "query") {
      add(`empty query.${p.name}`, (d) => setQuery(d, p.name, ""));
      add(`prototype word query.${p.name}`, (d) => setQuery(d, p.name, rng.pick(PROTO_WORDS)));
      const kind = REF_FIELDS.get(p.name);
      if (kind) add(`other organisation's ${kind} in query.${p.name}`, (d) => setQuery(d, p.name, ids.theirs[kind]));
      const t = typeOf(p.schema);
      if (t === "number" || t === "integer") for (const n of ["1e308", "-1", "9007199254740993", "NaN"]) add(`query.${p.name}=${n}`, (d) => setQuery(d, p.name, n));
    } else {
      add(`nonexistent path ${p.name}`, (d) => d.path.set(p.name, "zzz_nonexistent"));
      const theirs = pathValue(op, p.name, ids.theirs, ids);
      // Library paths (framework, version, URN) name shared records; every other id is the organisation's own.
      if (theirs === pathValue(op, p.name, ids.mine, ids)) add(`shared path ${p.name}`, (d) => d.path.set(p.name, theirs));
      else refuse(`other organisation's path ${p.name}`, (d) => d.path.set(p.name, theirs));
      for (const w of ["__proto__", "constructor", "toString"]) add(`path ${p.name}=${w}`, (d) => d.path.set(p.name, w));
      add(`path ${p.name} with a NUL byte`, (d) => d.path.set(p.name, new Raw("%00")));
    }
  }
  if (!lean || op.parameters.some((p) => p.in === "query")) {
    add("unknown query parameter", (d) => setQuery(d, "zzz", "1"));
    add("__proto__ and constructor as query parameter names", (d) => {
      d.query.push(["__proto__", "x"], ["constructor", "y"]);
    });
  }
  if (op.route.upload) {
    // The malformed files first: a run that caps this operation's parses sends these before the rest.
    cases.unshift(
      { label: "zip-looking upload", caller: main, mutate: (d) => void (d.body = { bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 200 }, () => rng.int(256))]), type: "application/octet-stream" }) },
      { label: "binary upload claiming to be a spreadsheet", caller: main, mutate: (d) => void (d.body = { bytes: Uint8Array.from({ length: 512 }, () => rng.int(256)), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }) },
      { label: "upload with a NUL in the CSV", caller: main, mutate: (d) => void (d.body = { bytes: new TextEncoder().encode("nameJa,nameEn\n\u0000,\u0000\n"), type: "text/csv" }) },
    );
    add("empty upload", (d) => void (d.body = { bytes: new Uint8Array(), type: "text/csv" }));
    for (const name of lean ? ["__proto__", "a%00b.csv", "%E0%A4%A"] : ["", "__proto__", "%00", "a%00b.csv", "%E0%A4%A", "a".repeat(2_000), "..%2F..%2Fetc%2Fpasswd"]) add(`upload named ${JSON.stringify(name.slice(0, 20))}`, (d) => void (d.headers["x-file-name"] = name));
  }
  if (op.route.access !== "public" && !lean) {
    for (const role of ROLES.filter((r) => r !== "admin")) add(`valid, as ${role}`, () => {}, role);
    add("valid, in the admin's session", () => {}, "session");
  }
  return cases;
}

/** One to three random mutations of the base request, anywhere: body, query, path or headers. */
function randomCase(op: Operation, ids: Ids, rng: Rng, i: number): FuzzCase {
  const locs = op.body ? locationsOf(op.body) : [];
  const query = op.parameters.filter((p) => p.in === "query");
  const path = op.parameters.filter((p) => p.in === "path");
  const steps: { label: string; apply: (d: Draft) => void }[] = [];
  const n = rng.chance(0.6) ? 1 : rng.chance(0.75) ? 2 : 3;
  for (let k = 0; k < n; k++) {
    const where = rng.int(10);
    if (where < 5 && locs.length) {
      const l = rng.pick(locs);
      if (rng.chance(0.15)) steps.push({ label: `delete body.${l.path.join(".")}`, apply: (d) => deleteAt(jsonBody(d), l.path) });
      else {
        const v = rng.pick(BAD_VALUES);
        steps.push({ label: `body.${l.path.join(".")}=${preview(v)}`, apply: (d) => setBody(d, l.path, structuredClone(v)) });
      }
    } else if (where < 6 && op.body) {
      const key = rng.chance(0.5) ? rng.pick(PROTO_WORDS) : rng.pick(["zzz", "isAdmin", "orgId", "id", "createdAt", ""]);
      const parent = rng.chance(0.5) || !locs.length ? [] : rng.pick(locs).path;
      const v = rng.pick(BAD_VALUES);
      steps.push({ label: `extra key body.${[...parent, key].join(".")}=${preview(v)}`, apply: (d) => setBody(d, [...parent, key], structuredClone(v)) });
    } else if (where < 8 && query.length) {
      const p = rng.pick(query);
      const v = rng.pick(BAD_TEXTS);
      steps.push({ label: `query.${p.name}=${preview(v)}`, apply: (d) => setQuery(d, p.name, v) });
    } else if (where < 9 && path.length) {
      const p = rng.pick(path);
      const v = rng.chance(0.3) ? pathValue(op, p.name, ids.theirs, ids) : rng.pick(BAD_TEXTS);
      steps.push({ label: `path.${p.name}=${preview(v)}`, apply: (d) => d.path.set(p.name, v) });
    } else {
      const [name, value] = rng.pick(HEADER_FUZZ);
      steps.push({ label: `header ${name}: ${preview(value)}`, apply: (d) => void (d.headers[name] = value) });
    }
  }
  const roll = rng.float();
  const caller: Caller = roll < 0.7 ? "admin" : roll < 0.82 ? "session" : roll < 0.85 ? "session-no-csrf" : rng.pick(ROLES);
  return { label: `random #${i}: ${steps.map((s) => s.label).join("; ")}`, caller, mutate: (d) => steps.forEach((s) => s.apply(d)) };
}

const BAD_VALUES = badValues();
const BAD_TEXTS = badTexts();

const HEADER_FUZZ: [string, string][] = [
  ["accept-language", "__proto__"],
  ["accept-language", "constructor"],
  ["accept-language", "zz-ZZ;q=abc, *;q=-1"],
  ["accept-language", "x".repeat(4_000)],
  ["if-none-match", 'W/"constructor"'],
  ["if-none-match", "*"],
  ["content-type", "application/json; charset=shift_jis"],
  ["content-type", "application/jsonx"],
  ["x-file-name", "%E0%A4%A"],
  ["x-request-id", "x".repeat(500)],
];

function preview(v: unknown): string {
  const text = v instanceof Raw ? `raw:${v.text}` : typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return text.length > 40 ? `${text.slice(0, 37)}…(${text.length})` : text;
}

/** The cases for one operation: the targeted ones (see {@link targetedCases} for `lean`), then `random` random ones. */
export function casesFor(op: Operation, ids: Ids, rng: Rng, random: number, lean = false): FuzzCase[] {
  const cases = targetedCases(op, ids, rng, lean);
  for (let i = 0; i < random; i++) cases.push(randomCase(op, ids, rng, i));
  return cases;
}

