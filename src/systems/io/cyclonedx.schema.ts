import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
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
    for (const file of REFERENCED) ajv.addSchema(loadSchema(file));
  }
  const validate = ajv.compile(loadSchema(`bom-${version}.schema.json`));
  validators.set(version, validate);
  return validate;
}
