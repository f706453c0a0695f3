import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { Text } from "../library/library.schema.ts";
import { AppError } from "../platform/errors.ts";

/** One reason an OSCAL document was refused, in both languages, with where it is (a JSON pointer). */
export interface OscalProblem {
  at: string;
  message: Text & { ja: string; en: string };
}

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
let catalogValidator: ValidateFunction | undefined;

/**
 * The official OSCAL 1.2.1 catalog schema, shipped unmodified in `schemas/oscal/` (public domain,
 * NIST). It is draft-07 and uses `\p{L}` patterns, hence ajv's draft-07 class with `unicodeRegExp`.
 * Compiled on first use.
 */
function validator(): ValidateFunction {
  if (!catalogValidator) {
    const schema = JSON.parse(readFileSync(new URL("../../schemas/oscal/oscal_catalog_schema.json", import.meta.url), "utf8")) as object;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true });
    addFormats(ajv);
    catalogValidator = ajv.compile(schema);
  }
  return catalogValidator;
}

const OTHER_MODELS: Record<string, Text & { ja: string; en: string }> = {
  profile: {
    ja: "これは OSCAL プロファイルで、カタログではありません。解決済みプロファイルカタログ（resolved profile catalog）に変換してから取り込んでください。",
    en: "This is an OSCAL profile, not a catalog. Resolve it first: a resolved profile catalog can be imported.",
  },
  "mapping-collection": { ja: "これは OSCAL マッピングで、カタログではありません。", en: "This is an OSCAL mapping collection, not a catalog." },
  "component-definition": { ja: "これは OSCAL コンポーネント定義で、カタログではありません。", en: "This is an OSCAL component definition, not a catalog." },
  "system-security-plan": { ja: "これは OSCAL システムセキュリティ計画で、カタログではありません。", en: "This is an OSCAL system security plan, not a catalog." },
  "assessment-plan": { ja: "これは OSCAL 評価計画で、カタログではありません。", en: "This is an OSCAL assessment plan, not a catalog." },
  "assessment-results": { ja: "これは OSCAL 評価結果で、カタログではありません。", en: "This is OSCAL assessment results, not a catalog." },
  "plan-of-action-and-milestones": { ja: "これは OSCAL POA&M で、カタログではありません。", en: "This is an OSCAL plan of action and milestones, not a catalog." },
};

/** A schema error in the words of someone fixing the file, not ajv's. */
function word(e: ErrorObject): OscalProblem["message"] {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return { ja: `必須の項目「${String(p.missingProperty)}」がありません。`, en: `The required field "${String(p.missingProperty)}" is missing.` };
    case "additionalProperties":
      return { ja: `項目「${String(p.additionalProperty)}」は OSCAL のこの位置では使えません。`, en: `The field "${String(p.additionalProperty)}" is not allowed here in OSCAL.` };
    case "type":
      return { ja: `値の型が違います（${String(p.type)} である必要があります）。`, en: `Wrong type of value: expected ${String(p.type)}.` };
    case "minItems":
      return { ja: "空の配列は使えません。項目がなければ、この項目ごと省いてください。", en: "An empty list is not allowed; leave the field out instead." };
    case "pattern":
    case "format":
      return { ja: "値の形式が OSCAL の定め（識別子・UUID・日時・URI など）に合いません。", en: "The value does not have the form OSCAL requires (an identifier, UUID, date-time, URI…)." };
    case "enum":
      return { ja: `値は次のいずれかにしてください：${(p.allowedValues as unknown[]).join(", ")}`, en: `Use one of: ${(p.allowedValues as unknown[]).join(", ")}` };
    case "anyOf":
    case "oneOf":
      return { ja: "OSCAL が認めるどの形にも合いません。", en: "This matches none of the forms OSCAL allows." };
    default:
      return { ja: `OSCAL のスキーマに合いません（${e.keyword}）。`, en: `This does not satisfy the OSCAL schema (${e.keyword}).` };
  }
}

/**
 * Checks that `doc` is an OSCAL catalog document valid against the official 1.2.1 schema, and
 * throws a 400 `validation_failed` listing the first problems in Japanese and English when not.
 * A resolved profile catalog is a catalog document and passes; a profile is named as such.
 */
export function assertOscalCatalog(doc: unknown): asserts doc is { catalog: Record<string, unknown> } {
  const problems = catalogProblems(doc);
  if (problems.length) throw new AppError(400, "validation_failed", { problems });
}

/** The reasons `doc` is not a valid OSCAL catalog document (empty when it is one); at most 20. */
export function catalogProblems(doc: unknown): OscalProblem[] {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    return [{ at: "", message: { ja: "JSON オブジェクトではありません。OSCAL カタログの JSON を指定してください。", en: "This is not a JSON object; give an OSCAL catalog in JSON." } }];
  }
  if (!("catalog" in doc)) {
    const model = Object.keys(doc).find((k) => k in OTHER_MODELS);
    if (model) return [{ at: `/${model}`, message: OTHER_MODELS[model]! }];
    return [{ at: "", message: { ja: "OSCAL カタログではありません（最上位に catalog がありません）。", en: "This is not an OSCAL catalog: there is no top-level \"catalog\"." } }];
  }
  const validate = validator();
  if (validate(doc)) return [];
  const seen = new Set<string>();
  const out: OscalProblem[] = [];
  for (const e of validate.errors ?? []) {
    const key = `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ at: e.instancePath || "/", message: word(e) });
    if (out.length === 20) break;
  }
  return out;
}
