import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { CARD_TEXT_MAX, type CardSource, type EvaluationEntry } from "../systems.card-fields.ts";
import type { DatasetEntry, ModelEntry } from "../systems.schema.ts";
import type { Bilingual } from "./import.messages.ts";
import { invalidCard } from "./model-card.messages.ts";
import { CardReader, defined, isObject, objectOr, objects, unclassifiedWarning, type Json } from "./model-card.values.ts";
import type { CardOptions, ModelCardImport } from "./model-card.parse.ts";

/** Model Card Toolkit schema versions whose schema ships in `schemas/google-model-card/`. */
export const GOOGLE_CARD_VERSIONS = ["0.0.2", "0.0.1"] as const;
type Version = (typeof GOOGLE_CARD_VERSIONS)[number];

const validators = new Map<Version, ValidateFunction>();

/**
 * The compiled validator of one schema version, each in its own ajv (both files carry the same
 * `$id`). Formats are not asserted, as the toolkit itself does not: its own example cards date
 * versions `08/28/2020` where the schema says `format: date`, and link datasets by relative path.
 */
function validatorFor(version: Version): ValidateFunction {
  let v = validators.get(version);
  if (!v) {
    const schema = JSON.parse(readFileSync(new URL(`../../../schemas/google-model-card/model_card.schema-${version}.json`, import.meta.url), "utf8")) as object;
    v = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
    validators.set(version, v);
  }
  return v;
}

/** The schema version the card declares, or the first shipped schema it conforms to when it declares none. */
function validate(card: Json): Version {
  const declared = card.schema_version;
  if (declared !== undefined && !GOOGLE_CARD_VERSIONS.includes(declared as Version)) {
    throw invalidCard("schema", {
      en: `Model Card Toolkit schema_version ${JSON.stringify(declared)} is not supported; Musubi reads ${GOOGLE_CARD_VERSIONS.join(" and ")}.`,
      ja: `Model Card Toolkitのschema_version ${JSON.stringify(declared)} には対応していません。対応しているのは${GOOGLE_CARD_VERSIONS.join("及び")}です。`,
    });
  }
  const candidates = declared === undefined ? [...GOOGLE_CARD_VERSIONS] : [declared as Version];
  for (const version of candidates) if (validatorFor(version)(card)) return version;
  const version = candidates[0]!;
  const errors = (validatorFor(version).errors ?? []).slice(0, 20).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, message: e.message ?? "", params: e.params }));
  const first = errors[0];
  const at = first ? ` (${first.instancePath || "/"}: ${first.message})` : "";
  throw invalidCard(
    "schema",
    { en: `The card does not conform to the Model Card Toolkit ${version} schema${at}.`, ja: `カードがModel Card Toolkit ${version}のスキーマに適合していません${at}。` },
    { schemaVersion: version, errors },
  );
}

/** Fields of the card Musubi has no place for, named as the card names them when present. */
const NOT_KEPT: [string, (c: Json) => unknown][] = [
  ["overview", (c) => objectOr(c.model_details).overview],
  ["documentation", (c) => objectOr(c.model_details).documentation],
  ["users", (c) => objectOr(c.considerations).users],
  ["tradeoffs", (c) => objectOr(c.considerations).tradeoffs],
  ["references", (c) => objectOr(c.model_details).references],
  ["citations", (c) => objectOr(c.model_details).citations ?? objectOr(c.model_details).citation],
  ["model_architecture", (c) => objectOr(c.model_parameters).model_architecture],
  ["input_format", (c) => objectOr(c.model_parameters).input_format],
  ["output_format", (c) => objectOr(c.model_parameters).output_format],
  ["graphics", (c) => objectOr(c.quantitative_analysis).graphics],
];

/**
 * Reads a Model Card Toolkit JSON card (schema 0.0.1 or 0.0.2), validated against the shipped
 * schema first: name, version, owners as provider, licences, use cases, limitations, ethical
 * considerations, performance metrics, and the datasets it lists. What has no Musubi field is
 * named in a warning rather than dropped silently.
 */
export function readGoogleCard(card: unknown, options: CardOptions): ModelCardImport {
  if (!isObject(card)) throw invalidCard("not_json", { en: "The file is not a JSON object.", ja: "ファイルがJSONオブジェクトではありません。" });
  const version = validate(card);
  const r = new CardReader();
  const details = objectOr(card.model_details);
  const name = options.name ?? r.text(details.name, "model_details.name");
  if (name === undefined) {
    throw invalidCard("name_missing", { en: "The card does not state the model's name (model_details.name); give the name to record it under.", ja: "カードにモデル名（model_details.name）がありません。登録する名前を指定してください。" });
  }
  const source: CardSource = defined({ format: "google-model-card" as const, name, file: options.fileName });
  const considerations = objectOr(card.considerations);
  const join = (items: string[]) => (items.length === 0 ? undefined : items.length === 1 ? items[0] : items.map((t) => `- ${t}`).join("\n"));
  const descriptions = (v: unknown, key: string) => (Array.isArray(v) ? v : []).map((x) => r.text(isObject(x) ? x.description : x, key)).filter((x) => x !== undefined);
  const licences = version === "0.0.1" ? [r.text(details.license, "license")] : objects(details.licenses).map((l) => r.text(l.identifier, "licenses.identifier") ?? r.text(l.custom_text, "licenses.custom_text"));
  const risks = objects(considerations.ethical_considerations).map((e) => {
    const risk = r.text(e.name, "ethical_considerations.name");
    const mitigation = r.text(e.mitigation_strategy, "ethical_considerations.mitigation_strategy");
    return risk && mitigation ? `${risk}\n  Mitigation strategy: ${mitigation}` : (risk ?? (mitigation && `Mitigation strategy: ${mitigation}`));
  });
  const evaluations = metricsOf(r, card);
  const model: ModelEntry = defined({
    name: r.fit(name, 200, "model name")!,
    version: r.fit(r.text(objectOr(details.version).name, "version.name"), 100, "version.name"),
    provider: r.fit(objects(details.owners).map((o) => r.text(o.name, "owners.name")).filter((x) => x !== undefined).join(", ") || undefined, 200, "owners"),
    licence: r.fit(licences.filter((l) => l !== undefined).join(", ") || undefined, 200, "licenses"),
    intendedUse: r.fit(join(descriptions(considerations.use_cases, "use_cases")), CARD_TEXT_MAX, "use_cases"),
    limitations: r.fit(join(descriptions(considerations.limitations, "limitations")), CARD_TEXT_MAX, "limitations"),
    biasRisks: r.fit(join(risks.filter((x) => x !== undefined)), CARD_TEXT_MAX, "ethical_considerations"),
    evaluations: evaluations.length > 0 ? evaluations.slice(0, 200) : undefined,
    importedFrom: [source],
  });
  const { datasets, warnings: dataWarnings } = datasetsOf(r, card, version, source);
  const notKept = NOT_KEPT.filter(([, get]) => get(card) !== undefined).map(([key]) => key);
  const warnings = [...r.result(), ...dataWarnings];
  if (notKept.length > 0) {
    warnings.push({
      en: `Musubi has no field for these parts of the card, so they were not imported: ${notKept.join(", ")}.`,
      ja: `次の項目はMusubiに対応する欄がないため、取り込みませんでした：${notKept.join(", ")}。`,
    });
  }
  return { format: "google-model-card", models: [model], datasets, warnings };
}

function metricsOf(r: CardReader, card: Json): EvaluationEntry[] {
  return objects(objectOr(card.quantitative_analysis).performance_metrics).flatMap((m) => {
    const value = r.text(m.value, "performance_metrics.value");
    if (value === undefined || value.length > 100) return [];
    const ci = objectOr(m.confidence_interval);
    const t = (v: unknown, key: string, max: number) => r.fit(r.text(v, `performance_metrics.${key}`), max, `performance_metrics.${key}`);
    return [defined({ metric: t(m.type, "type", 200), value, slice: t(m.slice, "slice", 200), threshold: t(m.threshold, "threshold", 100), lowerBound: t(ci.lower_bound, "lower_bound", 100), upperBound: t(ci.upper_bound, "upper_bound", 100) })];
  });
}

/** 0.0.2 lists datasets; 0.0.1 has a `train` and an `eval` dataset. Sensitive data is reported, never turned into APPI flags. */
function datasetsOf(r: CardReader, card: Json, version: Version, source: CardSource): { datasets: DatasetEntry[]; warnings: Bilingual[] } {
  const data = objectOr(card.model_parameters).data;
  const listed = version === "0.0.1" ? [objectOr(data).train, objectOr(data).eval].filter(isObject) : objects(data);
  const datasets: DatasetEntry[] = [];
  const warnings: Bilingual[] = [];
  const unclassified: string[] = [];
  let unnamed = 0;
  for (const d of listed) {
    const name = r.fit(r.text(d.name, "data.name"), 200, "data.name");
    if (name === undefined) {
      unnamed++;
      continue;
    }
    datasets.push(defined({ name, source: r.fit(r.text(d.link, "data.link"), 400, "data.link"), personalData: false, sensitiveData: false, importedFrom: [source] }));
    const sensitive = version === "0.0.1" ? d.sensitive : objectOr(d.sensitive).sensitive_data;
    if (sensitive === true || (Array.isArray(sensitive) && sensitive.length > 0)) {
      const what = Array.isArray(sensitive) ? sensitive.filter((s) => typeof s === "string").join(", ") : "human or other sensitive data";
      warnings.push({
        en: `The card says dataset ${name} holds sensitive data (${what}); decide whether it holds personal or special care-required personal information.`,
        ja: `カードにはデータセット ${name} が機微なデータ（${what}）を含むと記載されています。個人情報・要配慮個人情報を含むか判断してください。`,
      });
    } else if (sensitive !== false) unclassified.push(name);
  }
  if (unclassified.length > 0) warnings.push(unclassifiedWarning(unclassified));
  if (unnamed > 0) warnings.push({ en: `${unnamed} dataset(s) of the card have no name and were not imported.`, ja: `カードのデータセットのうち${unnamed}件に名前がないため、取り込みませんでした。` });
  return { datasets, warnings };
}
