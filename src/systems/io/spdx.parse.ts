import { AppError } from "../../platform/errors.ts";
import { CARD_TEXT_MAX, type EvaluationEntry } from "../systems.card-fields.ts";
import { datasetEntry, modelEntry, type DatasetEntry, type ModelEntry } from "../systems.schema.ts";
import type { Bilingual } from "./import.messages.ts";
import { nestedDeeperThan } from "./json.depth.ts";
import { MAX_JSON_DEPTH, tooLarge } from "./upload.limits.ts";

/** What an SPDX 3 document yields: the same entries a CycloneDX BOM does. */
export interface SpdxImport {
  format: "spdx";
  /** The `specVersion` its creation information states, e.g. `3.0.1`. */
  specVersion: string;
  models: ModelEntry[];
  datasets: DatasetEntry[];
  warnings: Bilingual[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const strings = (v: unknown) => list(v).map(str).filter((s) => s !== undefined);

/**
 * Whether a parsed JSON file is an SPDX document rather than a CycloneDX BOM: an SPDX 3 JSON-LD
 * graph (its `@context` names spdx.org, or it holds an `@graph`), or an SPDX 2 document (`spdxVersion`).
 */
export function looksLikeSpdx(json: unknown): boolean {
  if (!isObject(json)) return false;
  if (typeof json.spdxVersion === "string") return true;
  const context = JSON.stringify(json["@context"] ?? "");
  return context.includes("spdx.org") || (Array.isArray(json["@graph"]) && json.bomFormat === undefined);
}

function invalidSpdx(details: Json, en: string, ja: string): AppError {
  return new AppError(422, "import_invalid_bom", { ...details, message: { en, ja } });
}

/**
 * The local name of an SPDX 3 class or property however the serialiser wrote it: the JSON-LD
 * compact form (`ai_AIPackage`, `dataset_knownBias`), a full IRI
 * (`https://spdx.org/rdf/3.0.1/terms/AI/AIPackage`) or the bare name.
 */
const localName = (name: string) => /([A-Za-z][A-Za-z0-9]*)$/.exec(name.replace(/^[a-z]+_(?=[A-Za-z])/, ""))?.[1] ?? name;

/** The value of property `name` of an element, under any of the spellings `localName` accepts. */
function prop(element: Json, name: string): unknown {
  for (const [key, value] of Object.entries(element)) if (localName(key) === name) return value;
  return undefined;
}

const elementId = (e: Json) => str(e.spdxId) ?? str(e["@id"]);
const elementType = (e: Json) => {
  const t = str(e.type) ?? str(e["@type"]);
  return t === undefined ? undefined : localName(t);
};

/** Where the SPDX licence list names a licence: its id is the last segment (`https://spdx.org/licenses/MIT`). */
const LISTED_LICENCE = /^https?:\/\/spdx\.org\/licenses\/([^/#?]+)$/;
/** What the card texts read from SPDX are called in a warning. */
const CARD_TEXT_LABELS = {
  limitation: { en: "statement of limitations", ja: "制約の記述" },
  intendedUse: { en: "intended use", ja: "想定される用途" },
  knownBias: { en: "known bias", ja: "既知の偏り" },
} as const;

/** The individuals SPDX uses for "no assertion" and "none": not a licence to record. */
const NO_LICENCE = /(NoAssertion|None)License$/;

/**
 * Reads the models and datasets of an SPDX 3.0 document serialised as JSON-LD (the spec's own
 * serialisation): `ai_AIPackage` elements and packages whose primary purpose is `model` become
 * models; `dataset_DatasetPackage` elements and packages whose purpose is `data` become datasets.
 * Licences come from `hasDeclaredLicense` (else `hasConcludedLicense`) relationships, suppliers
 * from the agents the document names. Personal data is recorded only where the document states
 * `hasSensitivePersonalInformation`; anything the person must still decide is a warning. SPDX 2
 * documents, which have no AI or dataset profile, are refused with 422 `import_invalid_bom`.
 */
export function parseSpdx(json: unknown): SpdxImport {
  if (nestedDeeperThan(json, MAX_JSON_DEPTH)) throw tooLarge(undefined, "depth", MAX_JSON_DEPTH);
  if (!isObject(json)) throw invalidSpdx({ reason: "not_object" }, "The file is not a JSON object.", "ファイルがJSONオブジェクトではありません。");
  if (typeof json.spdxVersion === "string") {
    throw invalidSpdx(
      { reason: "unsupported_spec_version", specVersion: json.spdxVersion, supported: ["SPDX 3.0"] },
      `${json.spdxVersion} has no AI or dataset profile; export the BOM as SPDX 3.0 (JSON-LD) or CycloneDX 1.6.`,
      `${json.spdxVersion}にはAI・データセットのプロファイルがありません。SPDX 3.0（JSON-LD）又はCycloneDX 1.6形式で出力してください。`,
    );
  }
  const graph = Array.isArray(json["@graph"]) ? json["@graph"].filter(isObject) : elementType(json) ? [json] : [];
  if (graph.length === 0) {
    throw invalidSpdx({ reason: "schema", errors: [{ instancePath: "/@graph", message: "missing" }] }, "The SPDX document holds no elements (no @graph).", "SPDX文書に要素（@graph）がありません。");
  }
  const specVersion = graph.filter((e) => elementType(e) === "CreationInfo").map((e) => str(e.specVersion)).find((v) => v !== undefined) ?? str(json.specVersion);
  if (specVersion === undefined || !/^3\./.test(specVersion)) {
    throw invalidSpdx(
      { reason: "unsupported_spec_version", specVersion: specVersion ?? null, supported: ["3.0"] },
      `SPDX specVersion ${JSON.stringify(specVersion ?? null)} is not supported; Musubi reads SPDX 3.0 documents.`,
      `SPDXのspecVersion ${JSON.stringify(specVersion ?? null)} には対応していません。SPDX 3.0形式の文書を読み込めます。`,
    );
  }
  return { format: "spdx", specVersion, ...new SpdxReader(graph).read() };
}

/** One pass over the graph: an index by id, the licence relationships, then the packages. */
class SpdxReader {
  private readonly byId = new Map<string, Json>();
  private readonly licences = new Map<string, { declared?: string; concluded?: string }>();
  private readonly warnings: Bilingual[] = [];
  private readonly unclassified: string[] = [];

  constructor(private readonly graph: Json[]) {
    for (const e of graph) {
      const id = elementId(e);
      if (id !== undefined) this.byId.set(id, e);
    }
    for (const r of graph) {
      if (elementType(r) !== "Relationship") continue;
      const kind = str(r.relationshipType);
      const which = kind === "hasDeclaredLicense" ? "declared" : kind === "hasConcludedLicense" ? "concluded" : undefined;
      const from = str(r.from);
      if (which === undefined || from === undefined) continue;
      const text = strings(r.to).map((to) => this.licenceText(to)).filter((t) => t !== undefined).join(" AND ");
      if (text !== "") this.licences.set(from, { ...this.licences.get(from), [which]: text });
    }
  }

  read(): Omit<SpdxImport, "format" | "specVersion"> {
    const models: ModelEntry[] = [];
    const datasets: DatasetEntry[] = [];
    for (const e of this.graph) {
      const type = elementType(e);
      const purpose = str(prop(e, "primaryPurpose"));
      if (type === "AIPackage" || (type === "Package" && purpose === "model")) this.addModel(e, models);
      else if (type === "DatasetPackage" || (type === "Package" && purpose === "data")) this.addDataset(e, datasets);
    }
    if (this.unclassified.length > 0) {
      const names = this.unclassified.join(", ");
      this.warnings.push({
        en: `The SPDX document does not say whether dataset(s) ${names} hold sensitive personal information; personal and sensitive data are recorded as absent — check and correct them.`,
        ja: `SPDX文書にデータセット ${names} が機微な個人情報を含むかの記載がありません。個人情報・要配慮個人情報は「含まない」として登録されるため、確認して修正してください。`,
      });
    }
    return { models, datasets, warnings: this.warnings };
  }

  /** A licence as text: an expression element's expression, a listed licence's id, or a licence's name. */
  private licenceText(to: string): string | undefined {
    if (NO_LICENCE.test(to)) return undefined;
    const listed = LISTED_LICENCE.exec(to);
    if (listed) return decodeURIComponent(listed[1]!);
    const element = this.byId.get(to);
    if (element === undefined) return /^[A-Za-z0-9.+\-() ]+$/.test(to) ? to : undefined;
    return str(prop(element, "licenseExpression")) ?? str(prop(element, "licenseId")) ?? str(element.name);
  }

  private agentNames(ids: unknown): string | undefined {
    const names = strings(ids).map((id) => str(this.byId.get(id)?.name)).filter((n) => n !== undefined);
    return names.length > 0 ? names.join(", ") : undefined;
  }

  private licenceOf(id: string | undefined) {
    const found = id === undefined ? undefined : this.licences.get(id);
    return found?.declared ?? found?.concluded;
  }

  /** Card text the entry can hold; longer text is cut, and the person is told. */
  private cardText(owner: string, field: keyof typeof CARD_TEXT_LABELS, value: string | undefined): string | undefined {
    if (value === undefined || value.length <= CARD_TEXT_MAX) return value;
    const label = CARD_TEXT_LABELS[field];
    this.warnings.push({
      en: `${owner}: the ${label.en} is longer than ${CARD_TEXT_MAX} characters and was cut.`,
      ja: `${owner}：${label.ja}が${CARD_TEXT_MAX}文字を超えるため、超えた部分を省きました。`,
    });
    return value.slice(0, CARD_TEXT_MAX);
  }

  private addModel(e: Json, into: ModelEntry[]) {
    const id = elementId(e);
    const name = str(e.name) ?? "?";
    const metrics = list(prop(e, "metric")).filter(isObject);
    const thresholds = new Map(list(prop(e, "metricDecisionThreshold")).filter(isObject).map((t) => [str(t.key), str(t.value)]));
    const evaluations: EvaluationEntry[] = metrics.flatMap((m) => {
      const metric = str(m.key);
      const value = str(m.value) ?? (typeof m.value === "number" ? String(m.value) : undefined);
      return value === undefined ? [] : [{ metric, value, threshold: thresholds.get(metric) }];
    });
    const entry = modelEntry.safeParse({
      name: str(e.name),
      version: str(prop(e, "packageVersion")),
      provider: this.agentNames(prop(e, "suppliedBy")) ?? this.agentNames(prop(e, "originatedBy")),
      licence: this.licenceOf(id),
      bomRef: id,
      limitations: this.cardText(name, "limitation", str(prop(e, "limitation"))),
      evaluations: evaluations.length > 0 ? evaluations : undefined,
    });
    if (!entry.success) return this.skipped(name, entry.error.issues[0]?.message ?? "");
    into.push(entry.data);
    if (str(prop(e, "useSensitivePersonalInformation")) === "yes") {
      this.warnings.push({
        en: `The SPDX document states that model ${entry.data.name} uses sensitive personal information; record it in the system's data and risks.`,
        ja: `SPDX文書には、モデル ${entry.data.name} が機微な個人情報を利用すると記載されています。システムのデータとリスクに記録してください。`,
      });
    }
    const risk = str(prop(e, "safetyRiskAssessment"));
    if (risk !== undefined) {
      this.warnings.push({
        en: `The SPDX document rates the safety risk of model ${entry.data.name} as "${risk}"; Musubi does not copy this into a risk — assess it in the risk register.`,
        ja: `SPDX文書はモデル ${entry.data.name} の安全性リスクを「${risk}」と評価しています。Musubiはこれをリスクとして自動登録しないため、リスク台帳で評価してください。`,
      });
    }
  }

  private addDataset(e: Json, into: DatasetEntry[]) {
    const name = str(e.name) ?? "?";
    const stated = str(prop(e, "hasSensitivePersonalInformation"));
    const personalData = stated === "yes";
    const entry = datasetEntry.safeParse({
      name: str(e.name),
      source: str(prop(e, "downloadLocation")) ?? str(prop(e, "homePage")),
      licence: this.licenceOf(elementId(e)),
      personalData,
      sensitiveData: false,
      intendedUse: this.cardText(name, "intendedUse", str(prop(e, "intendedUse"))),
      biasRisks: this.cardText(name, "knownBias", strings(prop(e, "knownBias")).join("\n") || undefined),
    });
    if (!entry.success) return this.skipped(name, entry.error.issues[0]?.message ?? "");
    into.push(entry.data);
    if (stated === "yes") {
      this.warnings.push({
        en: `Dataset ${entry.data.name} holds sensitive personal information according to the SPDX document; it is recorded as personal data — decide whether it is special care-required personal information (APPI Art. 2(3)).`,
        ja: `SPDX文書によると、データセット ${entry.data.name} は機微な個人情報を含みます。個人情報として登録しました。要配慮個人情報（個人情報保護法第2条第3項）に当たるか判断してください。`,
      });
    } else if (stated !== "no") this.unclassified.push(entry.data.name);
  }

  private skipped(name: string, reason: string) {
    this.warnings.push({
      en: `Element ${name} was skipped: ${reason}`,
      ja: `要素 ${name} は取り込みませんでした（${reason}）。`,
    });
  }
}
