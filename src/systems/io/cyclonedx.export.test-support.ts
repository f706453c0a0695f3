import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/**
 * The official CycloneDX schemas as the shared test corpus holds them (`../shared` beside the
 * repository, or MUSUBI_TEST_CORPORA). The export is checked against these untouched copies with a
 * plain ajv, not against the importer's validator, so a fault in that validator cannot hide one in
 * the export.
 */
export const OFFICIAL_SCHEMAS = path.join(process.env.MUSUBI_TEST_CORPORA ?? path.resolve(import.meta.dirname, "../../../../shared/data/test-corpora"), "cyclonedx", "schema");

export function haveOfficialSchemas(): boolean {
  if (existsSync(path.join(OFFICIAL_SCHEMAS, "bom-1.6.schema.json"))) return true;
  console.warn(`Skipping the CycloneDX schema checks: ${OFFICIAL_SCHEMAS} not found (set MUSUBI_TEST_CORPORA).`);
  return false;
}

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
let validate: ValidateFunction | undefined;

/**
 * The validator of `bom-1.6.schema.json` (draft-07) with the two schemas it references. ajv-formats
 * has no `iri-reference` or `idn-email`; they are checked for the characters RFC 3987 and RFC 6531
 * exclude (whitespace, `<>"{}|\^` and the backtick; one `@`).
 */
export function officialBom16Validator(): ValidateFunction {
  if (validate) return validate;
  const load = (file: string) => JSON.parse(readFileSync(path.join(OFFICIAL_SCHEMAS, file), "utf8")) as object;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("iri-reference", /^[^\s<>"{}|\\^`]*$/u);
  ajv.addFormat("idn-email", /^[^\s@]+@[^\s@]+$/u);
  ajv.addSchema(load("spdx.schema.json"));
  ajv.addSchema(load("jsf-0.82.schema.json"));
  validate = ajv.compile(load("bom-1.6.schema.json"));
  return validate;
}

/** The schema errors of a BOM, as `path: message` lines an assertion failure can show. */
export function bomSchemaErrors(bom: unknown): string[] {
  const check = officialBom16Validator();
  return check(bom) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? e.keyword}`);
}
