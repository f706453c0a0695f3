import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/** CycloneDX versions whose official schema ships in `schemas/cyclonedx/`. */
export const CYCLONEDX_VERSIONS = ["1.6", "1.7"] as const;
export type CycloneDxVersion = (typeof CYCLONEDX_VERSIONS)[number];

const SCHEMA_DIR = new URL("../../../schemas/cyclonedx/", import.meta.url);
/** Schemas the BOM schemas `$ref` by file name; they resolve against the BOM schema's `$id`. */
const REFERENCED = ["spdx.schema.json", "jsf-0.82.schema.json", "cryptography-defs.schema.json"];

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object's `default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

let ajv: Ajv | undefined;
const validators = new Map<CycloneDxVersion, ValidateFunction>();

const loadSchema = (file: string) => JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), "utf8")) as Record<string, unknown>;

/**
 * The compiled validator for one CycloneDX version. Compiling a BOM schema takes a noticeable
 * fraction of a second, so it happens on first use and is kept. The schemas are draft-07 and use
 * `iri-reference` and `idn-email`, which ajv-formats lacks; they are checked loosely (no spaces;
 * one `@`), enough to catch a wrong value without a full RFC 3987 parser.
 */
export function bomValidator(version: CycloneDxVersion): ValidateFunction {
  const cached = validators.get(version);
  if (cached) return cached;
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat("iri-reference", /^[^\s<>"{}|\\^`]*$/u);
    ajv.addFormat("idn-email", /^[^\s@]+@[^\s@]+$/u);
    ajv.addKeyword({ keyword: LINEAR_UNIQUE, type: "array", schemaType: "boolean", validate: itemsUnique });
    for (const file of REFERENCED) ajv.addSchema(linearUniqueItems(loadSchema(file)));
  }
  const validate = ajv.compile(linearUniqueItems(loadSchema(`bom-${version}.schema.json`)));
  validators.set(version, validate);
  return validate;
}

const LINEAR_UNIQUE = "uniqueItemsLinear";

/**
 * ajv checks `uniqueItems` on arrays of objects by comparing every pair: 8,000 components took
 * 1.2 s, and a 1 MiB BOM holds 30,000. The schemas' `uniqueItems: true` are checked instead by a
 * keyword that keeps each item's canonical JSON in a set — the same verdict, in linear time.
 */
function linearUniqueItems(schema: unknown): Record<string, unknown> {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== "object") return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => (k === "uniqueItems" && v === true ? [LINEAR_UNIQUE, true] : [k, rewrite(v)])));
  };
  return rewrite(schema) as Record<string, unknown>;
}

function itemsUnique(_schema: boolean, data: unknown[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < data.length; i++) {
    const key = canonicalJson(data[i]);
    if (seen.has(key)) {
      itemsUnique.errors = [{ keyword: "uniqueItems", message: "must NOT have duplicate items", params: { j: i } }];
      return false;
    }
    seen.add(key);
  }
  return true;
}
itemsUnique.errors = [] as Partial<ErrorObject>[];

/** JSON with object keys sorted, so two deep-equal values have the same text. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(",")}}`;
}
