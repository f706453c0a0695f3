import { AppError } from "../../platform/errors.ts";
import { datasetEntry, modelEntry, type DatasetEntry, type ModelEntry } from "../systems.schema.ts";
import { readDatasetCardFacts, readModelCardFacts } from "./cyclonedx.card.ts";
import { bomValidator, CYCLONEDX_VERSIONS, type CycloneDxVersion } from "./cyclonedx.schema.ts";
import type { Bilingual } from "./import.messages.ts";
import { nestedDeeperThan } from "./json.depth.ts";
import { MAX_JSON_DEPTH, tooLarge } from "./upload.limits.ts";

export interface CycloneDxImport {
  format: "cyclonedx";
  specVersion: CycloneDxVersion;
  models: ModelEntry[];
  datasets: DatasetEntry[];
  /** Things the person should check by hand, such as datasets whose personal-data status the BOM does not state. */
  warnings: Bilingual[];
}

const MAX_ERRORS = 20;
/** Classification words that state personal data outright; anything else is left to the person. */
const PERSONAL = /\b(pii|personal)\b|個人情報|個人データ/i;
const SENSITIVE = /special[\s-]*categor|sensitive[\s-]*personal|要配慮/i;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

function invalidBom(details: Json, en: string, ja: string): AppError {
  return new AppError(422, "import_invalid_bom", { ...details, message: { en, ja } });
}

/**
 * Reads the models and datasets of a CycloneDX 1.6/1.7 JSON BOM (an ML-BOM). The BOM is first
 * checked against the official schema of its `specVersion`; a BOM that fails is refused with 422
 * `import_invalid_bom` listing the first schema errors by `instancePath`. Components are read from
 * `metadata.component` and `components`, nested ones included: `machine-learning-model`s become
 * models, `data` components and the inline datasets of model cards become datasets. A BOM nested
 * more than 64 levels deep is refused first (413 `import_too_large`), before the recursive schema
 * validator and component walk could overflow the stack on it.
 */
export function parseCycloneDx(json: unknown): CycloneDxImport {
  if (nestedDeeperThan(json, MAX_JSON_DEPTH)) throw tooLarge(undefined, "depth", MAX_JSON_DEPTH);
  if (!isObject(json)) {
    throw invalidBom({ reason: "not_object" }, "The file is not a JSON object.", "ファイルがJSONオブジェクトではありません。");
  }
  const specVersion = json.specVersion;
  if (!CYCLONEDX_VERSIONS.includes(specVersion as CycloneDxVersion)) {
    throw invalidBom(
      { reason: "unsupported_spec_version", specVersion: specVersion ?? null, supported: CYCLONEDX_VERSIONS },
      `CycloneDX specVersion ${JSON.stringify(specVersion ?? null)} is not supported; export the BOM as CycloneDX ${CYCLONEDX_VERSIONS.join(" or ")}.`,
      `CycloneDXのspecVersion ${JSON.stringify(specVersion ?? null)} には対応していません。CycloneDX ${CYCLONEDX_VERSIONS.join("又は")}形式で出力してください。`,
    );
  }
  const version = specVersion as CycloneDxVersion;
  const validate = bomValidator(version);
  if (!validate(json)) {
    const errors = (validate.errors ?? []).slice(0, MAX_ERRORS).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, message: e.message ?? "", params: e.params }));
    const first = errors[0];
    throw invalidBom(
      { reason: "schema", specVersion: version, errors, errorCount: validate.errors?.length ?? 0 },
      `The BOM does not conform to the CycloneDX ${version} schema${first ? ` (at ${first.instancePath || "/"}: ${first.message})` : ""}.`,
      `BOMがCycloneDX ${version}のスキーマに適合していません${first ? `（${first.instancePath || "/"}: ${first.message}）` : ""}。`,
    );
  }
  const reader = new BomReader();
  const metadata = isObject(json.metadata) ? json.metadata : {};
  if (isObject(metadata.component)) reader.visit(metadata.component);
  for (const component of objects(json.components)) reader.visit(component);
  return { format: "cyclonedx", specVersion: version, ...reader.result() };
}

/** Walks the component tree once, collecting entries and what the person should review. */
class BomReader {
  private readonly models: ModelEntry[] = [];
  private readonly datasets: DatasetEntry[] = [];
  private readonly warnings: Bilingual[] = [];
  private readonly seenRefs = new Set<string>();
  private readonly seenDatasets = new Set<string>();
  private unclassified: string[] = [];

  visit(component: Json) {
    const ref = str(component["bom-ref"]);
    if (ref !== undefined && this.seenRefs.has(ref)) return;
    if (ref !== undefined) this.seenRefs.add(ref);
    if (component.type === "machine-learning-model") this.addModel(component, ref);
    if (component.type === "data") this.addDataComponent(component);
    for (const child of objects(component.components)) this.visit(child);
  }

  result(): Omit<CycloneDxImport, "format" | "specVersion"> {
    if (this.unclassified.length > 0) {
      const names = this.unclassified.join(", ");
      this.warnings.push({
        en: `The BOM does not classify dataset(s) ${names}; personal and sensitive data are recorded as absent — check and correct them.`,
        ja: `BOMにデータセット ${names} の分類がありません。個人情報・要配慮個人情報は「含まない」として登録されるため、確認して修正してください。`,
      });
    }
    return { models: this.models, datasets: this.datasets, warnings: this.warnings };
  }

  private addModel(c: Json, bomRef: string | undefined) {
    const { facts, unreadable } = readModelCardFacts(c);
    this.unreadable(String(c.name ?? bomRef ?? "?"), unreadable);
    const entry = modelEntry.safeParse({
      name: str(c.name),
      version: str(c.version),
      provider: provider(c),
      licence: licence(c.licenses),
      bomRef,
      ...facts,
    });
    if (!entry.success) {
      this.skipped(String(c.name ?? bomRef ?? "?"), entry.error.issues[0]?.message ?? "");
      return;
    }
    this.models.push(entry.data);
    const params = isObject(c.modelCard) && isObject(c.modelCard.modelParameters) ? c.modelCard.modelParameters : {};
    // Datasets named by `ref` are data components elsewhere in the BOM and are read there.
    for (const data of objects(params.datasets)) if (data.ref === undefined) this.addDataset(str(data.name), str(isObject(data.contents) ? data.contents.url : undefined), undefined, [data]);
  }

  private unreadable(name: string, properties: string[]) {
    if (properties.length === 0) return;
    this.warnings.push({
      en: `Component ${name} has properties that are not valid and were not read: ${properties.join(", ")}.`,
      ja: `コンポーネント ${name} のプロパティ ${properties.join(", ")} が正しくないため、読み込みませんでした。`,
    });
  }

  private addDataComponent(c: Json) {
    const data = objects(c.data);
    const url = data.map((d) => (isObject(d.contents) ? str(d.contents.url) : undefined)).find((u) => u !== undefined);
    const reference = objects(c.externalReferences).map((r) => str(r.url)).find((u) => u !== undefined);
    const { facts, unreadable } = readDatasetCardFacts(c);
    this.unreadable(String(c.name ?? "?"), unreadable);
    const { source, ...card } = facts;
    this.addDataset(str(c.name), url ?? source ?? reference, licence(c.licenses), data, card);
  }

  /** Personal-data flags come only from classification words that say so; anything else is a warning. */
  private addDataset(name: string | undefined, source: string | undefined, licenceText: string | undefined, data: Json[], card: Partial<DatasetEntry> = {}) {
    const key = `${name}\u0000${source}`;
    if (this.seenDatasets.has(key)) return;
    this.seenDatasets.add(key);
    const stated = data.flatMap((d) => [str(d.classification), ...(Array.isArray(d.sensitiveData) ? d.sensitiveData.map(str) : [])]).filter((s) => s !== undefined);
    const sensitiveData = stated.some((s) => SENSITIVE.test(s));
    const personalData = sensitiveData || stated.some((s) => PERSONAL.test(s));
    const entry = datasetEntry.safeParse({ name, source, licence: licenceText, personalData, sensitiveData, ...card });
    if (!entry.success) {
      this.skipped(name ?? "?", entry.error.issues[0]?.message ?? "");
      return;
    }
    this.datasets.push(entry.data);
    if (stated.length === 0) this.unclassified.push(entry.data.name);
    else if (!personalData && !stated.every((s) => /^public$/i.test(s))) {
      const said = stated.join("; ");
      this.warnings.push({
        en: `Dataset ${entry.data.name} is classified "${said}" in the BOM; decide whether it holds personal or sensitive data.`,
        ja: `データセット ${entry.data.name} はBOMで「${said}」と分類されています。個人情報・要配慮個人情報を含むか判断してください。`,
      });
    }
  }

  private skipped(name: string, reason: string) {
    this.warnings.push({
      en: `Component ${name} was skipped: ${reason}`,
      ja: `コンポーネント ${name} は取り込みませんでした（${reason}）。`,
    });
  }
}

/** Who provides a model: the supplier, else the manufacturer, publisher or authors. */
function provider(c: Json): string | undefined {
  const org = (v: unknown) => (isObject(v) ? str(v.name) : undefined);
  const authors = objects(c.authors).map((a) => str(a.name)).filter((n) => n !== undefined);
  return org(c.supplier) ?? org(c.manufacturer) ?? str(c.publisher) ?? str(c.author) ?? (authors.length > 0 ? authors.join(", ") : undefined);
}

/** A licence as text: SPDX ids or names, or the SPDX expression, joined when several are listed. */
function licence(licenses: unknown): string | undefined {
  const texts = objects(licenses)
    .map((l) => str(l.expression) ?? (isObject(l.license) ? (str(l.license.id) ?? str(l.license.name)) : undefined))
    .filter((t) => t !== undefined);
  return texts.length > 0 ? texts.join(", ") : undefined;
}
