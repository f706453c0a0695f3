import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/**
 * The official OSCAL 1.2.1 JSON schemas as the shared test corpus holds them (`../shared` beside the
 * repository, or MUSUBI_TEST_CORPORA). Exports are checked against these untouched copies with a
 * plain ajv — not the importer's validator — so a fault there cannot hide one in an export.
 */
export const OSCAL_SCHEMAS = path.join(process.env.MUSUBI_TEST_CORPORA ?? path.resolve(import.meta.dirname, "../../../shared/data/test-corpora"), "oscal-schemas-1.2.1");

/** The NIST OSCAL content corpus (SP 800-53 rev5 catalogs and baselines). */
export const OSCAL_CONTENT = path.join(path.dirname(OSCAL_SCHEMAS), "oscal-content-nist");

export function haveOscalCorpus(): boolean {
  if (existsSync(path.join(OSCAL_SCHEMAS, "oscal_catalog_schema.json")) && existsSync(OSCAL_CONTENT)) return true;
  console.warn(`Skipping the OSCAL schema checks: ${OSCAL_SCHEMAS} not found (set MUSUBI_TEST_CORPORA).`);
  return false;
}

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const validators = new Map<string, ValidateFunction>();

/**
 * The validator of one official schema. They declare draft-07 (`$schema`), so ajv's draft-07 class
 * is used, with `unicodeRegExp` for their `\p{L}` patterns and ajv-formats for uri, date-time, email.
 */
export function officialValidator(model: "catalog" | "mapping" | "assessment-results"): ValidateFunction {
  const cached = validators.get(model);
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(path.join(OSCAL_SCHEMAS, `oscal_${model}_schema.json`), "utf8")) as { $schema?: string };
  if (schema.$schema !== "http://json-schema.org/draft-07/schema#") throw new Error(`oscal_${model}_schema.json is not draft-07: ${schema.$schema}`);
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  validators.set(model, validate);
  return validate;
}

/** The first few errors, readable in a failed assertion. */
export function schemaErrors(model: "catalog" | "mapping" | "assessment-results", doc: unknown): string[] {
  const validate = officialValidator(model);
  if (validate(doc)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e: ErrorObject) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
