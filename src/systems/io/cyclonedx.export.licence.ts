import { readFileSync } from "node:fs";

/** A CycloneDX `licenses` value: named or SPDX-identified licences, or exactly one SPDX expression. */
export type LicenceChoice = { license: { id: string } | { name: string } }[] | [{ expression: string }];

/** Licence and exception ids of the SPDX list the CycloneDX schema ships (`spdx.schema.json`). */
let spdxIds: Set<string> | undefined;
function knownSpdxIds(): Set<string> {
  spdxIds ??= new Set((JSON.parse(readFileSync(new URL("../../../schemas/cyclonedx/spdx.schema.json", import.meta.url), "utf8")) as { enum: string[] }).enum);
  return spdxIds;
}

/**
 * A stored licence text as CycloneDX states it: an SPDX id as `license.id`, a well-formed SPDX
 * expression (`MIT OR Apache-2.0`) as `expression`, anything else as `license.name`. Musubi keeps
 * licences as free text, so only an exact, case-sensitive SPDX spelling is claimed as an id — the
 * schema refuses any other — and the importer reads each form back to the same text.
 */
export function licenceChoice(text: string): LicenceChoice {
  const ids = knownSpdxIds();
  if (ids.has(text)) return [{ license: { id: text } }];
  if (isSpdxExpression(text, ids)) return [{ expression: text }];
  return [{ license: { name: text } }];
}

const OPERATORS = new Set(["AND", "OR"]);
const LICENCE_REF = /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;

/**
 * Whether `text` follows the SPDX expression grammar (SPDX 2.3 Annex D) with every id on the list:
 * `expr := term (("AND"|"OR") term)*`, `term := "(" expr ")" | id ["+"] ["WITH" exception]`.
 */
function isSpdxExpression(text: string, ids: Set<string>): boolean {
  const tokens = text.replace(/[()]/g, " $& ").trim().split(/\s+/);
  let at = 0;
  const simple = (): boolean => {
    const token = tokens[at++];
    if (token === undefined) return false;
    if (!LICENCE_REF.test(token) && !ids.has(token.endsWith("+") ? token.slice(0, -1) : token)) return false;
    if (tokens[at] !== "WITH") return true;
    at++;
    const exception = tokens[at++];
    return exception !== undefined && ids.has(exception);
  };
  const term = (): boolean => {
    if (tokens[at] !== "(") return simple();
    at++;
    if (!expression()) return false;
    return tokens[at++] === ")";
  };
  const expression = (): boolean => {
    if (!term()) return false;
    while (OPERATORS.has(tokens[at] ?? "")) {
      at++;
      if (!term()) return false;
    }
    return true;
  };
  return expression() && at === tokens.length;
}
