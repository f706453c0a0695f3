/**
 * Values for the API fuzz test: a seeded PRNG, the bank of malformed and boundary values, and a
 * generator of schema-valid values so a single mutated field reaches past validation.
 */

/** The subset of JSON Schema (draft 2020-12, as zod emits it) the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  additionalProperties?: JsonSchema | boolean;
}

export interface Rng {
  /** A float in [0, 1). */
  float(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast and good enough to spread cases; the same seed gives the same run. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const float = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(float() * n);
  return { float, int, pick: (xs) => xs[int(xs.length)]!, chance: (p) => float() < p };
}

/** A seed per operation (FNV-1a of its key, mixed with the run's seed), so one operation's cases do not depend on the others'. */
export function seedFor(seed: number, key: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Names that are properties of every plain object: a lookup keyed by user input must not find them. */
export const PROTO_WORDS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__"] as const;

/** A string a path or query must carry undecoded (already percent-encoded, possibly invalid UTF-8). */
export class Raw {
  constructor(readonly text: string) {}
}

const HUGE_NUMBERS = [1e308, -1e308, -1, 0, 2 ** 53 + 1, -(2 ** 53 + 1), 1.5, 1e-308, 2 ** 31, 2 ** 64, 10_000_001];
const NUMERIC_STRINGS = ["NaN", "Infinity", "-Infinity", "1e999", "-1", "0x1F", "1e308", "9007199254740993", "１２", "1_000", " 7 ", "0.5", "-0", "+1"];
const WEIRD_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u202eevil",
  "\ud800",
  "\udfff\ud800",
  "😀👍🏽",
  "\r\n\t",
  "\u0007\u001b[31m",
  "%00",
  "../../etc/passwd",
  "' OR '1'='1",
  "<script>alert(1)</script>",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "ｆｕｚｚ",
  "\ufeff",
  "\u3000",
  "x".repeat(10_000),
  "あ".repeat(3_000),
];

function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** JSON values of the wrong shape. `__proto__` is made an own key, as JSON.parse makes it. */
function shapes(): unknown[] {
  return [
    null,
    true,
    false,
    [],
    [null],
    [[[]]],
    {},
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
    deepArray(1_000),
  ];
}

/** Every malformed value a field can be given. */
export function badValues(): unknown[] {
  return [...PROTO_WORDS, ...HUGE_NUMBERS, ...NUMERIC_STRINGS, ...WEIRD_STRINGS, ...shapes(), "x".repeat(100_000)];
}

/** Malformed values for a path segment or query value: strings only, some deliberately mis-encoded. */
export function badTexts(): (string | Raw)[] {
  return [
    ...PROTO_WORDS,
    ...NUMERIC_STRINGS,
    ...WEIRD_STRINGS.filter((s) => s.length < 5_000),
    ...HUGE_NUMBERS.map(String),
    new Raw("%ED%A0%80"),
    new Raw("%FF%FE"),
    new Raw("%00"),
    new Raw("%"),
    new Raw("%zz"),
    "x".repeat(300),
    "a/b",
    "..",
  ];
}

/** What a field named so refers to, when it holds a record's id. */
export type RefKind = "system" | "person" | "department" | "control" | "risk" | "assessment_item" | "otherAssessment" | "incident" | "urn" | "sha256";

/** Id-carrying fields by name, with the kind of record they name; a Map, so `constructor` is not a field. */
export const REF_FIELDS = new Map<string, RefKind>([
  ["systemId", "system"],
  ["systemIds", "system"],
  ["subjectId", "system"],
  ["entityId", "system"],
  ["ownerId", "person"],
  ["assigneeId", "person"],
  ["businessOwnerId", "person"],
  ["technicalOwnerId", "person"],
  ["delegateId", "person"],
  ["principalId", "person"],
  ["actorId", "person"],
  ["approvalPlan", "person"],
  ["departmentId", "department"],
  ["controlIds", "control"],
  ["targetId", "control"],
  ["riskIds", "risk"],
  ["itemIds", "assessment_item"],
  ["from", "otherAssessment"],
  ["exclude", "incident"],
  ["requirements", "urn"],
  ["sha256", "sha256"],
]);

/** Strings that satisfy the patterns the API's schemas use, tried in order. */
const PATTERN_CANDIDATES = ["2099-06-30", "2099-06-30T09:00:00Z", "fuzz", "FUZZ-1", "*", "#336699", "JP", "urn:musubi:x:y:z", "a".repeat(64), "fuzz@example.test"];

const NAMED_STRINGS = new Map<string, string>([
  ["column", "nameJa"],
  ["url", "https://example.com/musubi-fuzz"],
  ["framework", "iso-42001"],
  ["timezone", "Asia/Tokyo"],
]);

/** Counts generated strings, so codes and e-mail addresses differ from request to request. */
let generated = 0;

function validString(s: JsonSchema, name: string): string {
  const n = ++generated;
  const named = NAMED_STRINGS.get(name);
  if (named !== undefined) return named;
  if (s.format === "email") return `fuzz-${n}@example.test`;
  if (s.format === "uri") return "https://example.test/fuzz";
  if (s.format === "date") return "2099-06-30";
  if (s.format === "date-time") return "2099-06-30T09:00:00Z";
  let text = `fuzz-${n}`;
  if (s.pattern) {
    const re = new RegExp(s.pattern, "u");
    text = [text, ...PATTERN_CANDIDATES].find((c) => re.test(c)) ?? text;
  }
  if (s.minLength && text.length < s.minLength) text = text.padEnd(s.minLength, "x");
  if (s.maxLength !== undefined && text.length > s.maxLength) text = text.slice(0, s.maxLength);
  return text;
}

/** The first non-null branch of a nullable or union schema; the schema itself otherwise. */
export function mainBranch(s: JsonSchema): JsonSchema {
  if (!s.anyOf) return s;
  return mainBranch(s.anyOf.find((b) => b.type !== "null") ?? s.anyOf[0]!);
}

export function typeOf(s: JsonSchema): string | undefined {
  const b = mainBranch(s);
  if (b.enum) return typeof b.enum[0];
  return Array.isArray(b.type) ? b.type.find((t) => t !== "null") : b.type;
}

/**
 * A value the schema accepts, as small as it allows: required properties (and any optional one
 * that carries a record id, so reference checks are reached), minimal arrays, the first enum value.
 * `ref` supplies real ids of planted records.
 */
export function validValue(s: JsonSchema, name: string, ref: (kind: RefKind) => string): unknown {
  const b = mainBranch(s);
  if ("const" in b) return b.const;
  if (b.enum) return b.enum[0];
  const kind = REF_FIELDS.get(name);
  switch (typeOf(b)) {
    case "object": {
      const out: Record<string, unknown> = {};
      const required = new Set(b.required ?? []);
      for (const [key, prop] of Object.entries(b.properties ?? {})) {
        if (required.has(key) || REF_FIELDS.has(key)) Object.defineProperty(out, key, { value: validValue(prop, key, ref), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case "array": {
      const n = Math.max(b.minItems ?? 0, kind ? 1 : 0);
      return Array.from({ length: n }, () => validValue(b.items ?? {}, name, ref));
    }
    case "string":
      return kind ? ref(kind) : validString(b, name);
    case "integer":
    case "number":
      return Math.min(Math.max(1, b.minimum ?? 1), b.maximum ?? 1);
    case "boolean":
      return false;
    default:
      return null;
  }
}

/** A place in a JSON body: its path from the root, its schema, and whether its parent requires it. */
export interface Location {
  path: (string | number)[];
  schema: JsonSchema;
  required: boolean;
}

/** Every property and array item a body schema describes, to depth 5, parents before children. */
export function locationsOf(s: JsonSchema, path: (string | number)[] = [], required = true, depth = 0): Location[] {
  const out: Location[] = path.length ? [{ path, schema: s, required }] : [];
  if (depth >= 5) return out;
  const b = mainBranch(s);
  const t = typeOf(b);
  if (t === "object" && b.properties) {
    const req = new Set(b.required ?? []);
    for (const [key, prop] of Object.entries(b.properties)) out.push(...locationsOf(prop, [...path, key], req.has(key), depth + 1));
  } else if (t === "array" && b.items) {
    out.push(...locationsOf(b.items, [...path, 0], (b.minItems ?? 0) > 0, depth + 1));
  }
  return out;
}

/** The name a location goes by for {@link REF_FIELDS}: its last property name (an item takes its array's). */
export function nameOf(path: readonly (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return path[i] as string;
  return "";
}

const isContainer = (v: unknown): v is Record<string | number, unknown> => typeof v === "object" && v !== null;

/** Sets `value` at `path` inside a copy-safe JSON tree, making own properties (so `__proto__` is a key, not the prototype). */
export function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  let container: Record<string | number, unknown>;
  if (typeof key === "number") container = (Array.isArray(root) ? root : []) as unknown as Record<number, unknown>;
  else container = isContainer(root) && !Array.isArray(root) ? root : {};
  const child = Object.hasOwn(container, key) ? container[key] : undefined;
  Object.defineProperty(container, key, { value: setAt(child, rest, value), enumerable: true, writable: true, configurable: true });
  return container;
}

/** Removes the property at `path`, if it is there. */
export function deleteAt(root: unknown, path: readonly (string | number)[]): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (!isContainer(node) || !Object.hasOwn(node, key)) return;
    node = node[key];
  }
  const last = path[path.length - 1]!;
  if (isContainer(node) && Object.hasOwn(node, last)) {
    if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
    else delete node[last];
  }
}
