import { parseCycloneDx, type CycloneDxImport } from "./cyclonedx.parse.ts";
import { looksLikeSpdx, parseSpdx, type SpdxImport } from "./spdx.parse.ts";

/** The models and datasets a bill of materials holds, and what the person should check. */
export type BomImport = CycloneDxImport | SpdxImport;

/**
 * Reads a BOM in whichever format it is: an SPDX document (3.0 JSON-LD) or a CycloneDX BOM — the
 * person need not say which, as each format names itself in the file.
 */
export function parseBom(json: unknown): BomImport {
  return looksLikeSpdx(json) ? parseSpdx(json) : parseCycloneDx(json);
}
