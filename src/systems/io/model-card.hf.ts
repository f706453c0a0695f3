import { CARD_TEXT_MAX, type CardSource, type EvaluationEntry } from "../systems.card-fields.ts";
import type { DatasetEntry, ModelEntry } from "../systems.schema.ts";
import { invalidCard } from "./model-card.messages.ts";
import { readCardBody, type CardBody, type SectionField } from "./model-card.sections.ts";
import { CardReader, defined, isObject, numberOf, objectOr, objects, unclassifiedWarning, type Json } from "./model-card.values.ts";
import { readYaml, splitFrontMatter } from "./model-card.yaml.ts";
import type { CardOptions, ModelCardImport } from "./model-card.parse.ts";

/** Metadata keys only a dataset card has (Hugging Face dataset card spec). */
const DATASET_KEYS = ["pretty_name", "task_categories", "task_ids", "size_categories", "annotations_creators", "language_creators", "source_datasets", "dataset_info", "configs", "paperswithcode_id", "multilinguality"];
/** Metadata keys only a model card has (Hugging Face model card spec). */
const MODEL_KEYS = ["model-index", "pipeline_tag", "library_name", "base_model", "co2_eq_emissions"];

const nameMissing = (what: "model" | "dataset") =>
  invalidCard("name_missing", {
    en: `The card does not state the ${what}'s name (no ${what === "model" ? "model-index name" : "pretty_name"} and no # title); give the name to record it under.`,
    ja: `カードに${what === "model" ? "モデル" : "データセット"}の名前（${what === "model" ? "model-indexのname" : "pretty_name"}又は#見出し）がありません。登録する名前を指定してください。`,
  });

/**
 * Reads a Hugging Face README.md: the YAML front matter (license, language, tags, datasets,
 * base_model, pipeline_tag, library_name, model-index, co2_eq_emissions) and the markdown sections
 * on uses, limitations and bias. Whether it is a model or a dataset card is taken from `kind`, else
 * from keys only one kind has, else from a "Dataset Card" title; a model card otherwise.
 */
export function readHfCard(text: string, options: CardOptions): ModelCardImport {
  const { yaml, yamlLine, markdown } = splitFrontMatter(text);
  const meta = yaml === undefined ? {} : (readYaml(yaml, yamlLine, "front_matter") ?? {});
  if (!isObject(meta)) {
    throw invalidCard("metadata_not_mapping", {
      en: "The card's metadata (the YAML block between the --- lines) must be a set of key: value lines, not a list or a single value.",
      ja: "カードのメタデータ（---で囲まれたYAMLブロック）は「キー: 値」の形式で書いてください（リストや単一の値は使えません）。",
    });
  }
  const body = readCardBody(markdown);
  const has = (keys: string[]) => keys.some((k) => Object.hasOwn(meta, k));
  const kind = options.kind ?? (has(DATASET_KEYS) && !has(MODEL_KEYS) ? "dataset" : !has(MODEL_KEYS) && /^dataset card/i.test(firstHeading(markdown)) ? "dataset" : "model");
  return kind === "dataset" ? datasetCard(meta, body, options) : modelCard(meta, body, options);
}

function firstHeading(markdown: string): string {
  return /^#\s+(.*)$/m.exec(markdown)?.[1]?.trim() ?? "";
}

/** `license`, or for `other` the `license_name` it points to; the body's "License:" line when the metadata is silent. */
function licenceOf(r: CardReader, meta: Json, body: CardBody): string | undefined {
  const licence = r.text(meta.license, "license");
  const named = licence === "other" ? r.text(meta.license_name, "license_name") : undefined;
  return r.fit(named ?? licence ?? body.facts.get("license"), 200, "license");
}

function sectionsOf(r: CardReader, body: CardBody): Partial<Record<Exclude<SectionField, "personalData">, string>> {
  const fit = (field: Exclude<SectionField, "personalData">, what: string) => r.fit(body.sections[field], CARD_TEXT_MAX, what);
  return {
    intendedUse: fit("intendedUse", "section on intended uses"),
    outOfScopeUse: fit("outOfScopeUse", "section on out-of-scope use"),
    limitations: fit("limitations", "section on limitations"),
    biasRisks: fit("biasRisks", "section on bias and risks"),
  };
}

function modelCard(meta: Json, body: CardBody, options: CardOptions): ModelCardImport {
  const r = new CardReader();
  const index = objects(meta["model-index"]);
  const name = options.name ?? r.text(index[0]?.name, "model-index name") ?? body.title;
  if (name === undefined) throw nameMissing("model");
  if (index.length > 1) {
    r.warnings.push({
      en: `The card's model-index describes ${index.length} models; all their results were imported under ${name}.`,
      ja: `カードのmodel-indexには${index.length}件のモデルが記載されています。すべての結果を ${name} の評価結果として取り込みました。`,
    });
  }
  const source: CardSource = defined({ format: "hf-model-card" as const, name, file: options.fileName });
  const evaluations = modelIndexResults(r, index);
  const baseModel = r.list(meta.base_model, "base_model", 20, 200)?.join(", ") ?? body.facts.get("finetuned from model");
  const model: ModelEntry = defined({
    name: r.fit(name, 200, "model name")!,
    provider: r.fit(body.facts.get("developed by"), 200, "Developed by"),
    licence: licenceOf(r, meta, body),
    baseModel: r.fit(baseModel, 400, "base_model"),
    task: r.fit(r.text(meta.pipeline_tag, "pipeline_tag"), 200, "pipeline_tag"),
    library: r.fit(r.text(meta.library_name, "library_name"), 200, "library_name"),
    languages: r.list(meta.language, "language", 200, 50),
    tags: r.list(meta.tags, "tags", 100, 200),
    ...defined(sectionsOf(r, body)),
    evaluations: evaluations.length > 0 ? evaluations.slice(0, 200) : undefined,
    co2Emissions: co2Of(r, meta.co2_eq_emissions),
    importedFrom: [source],
  });
  if (evaluations.length > 200) r.warnings.push({ en: `The card has ${evaluations.length} evaluation results; the first 200 were kept.`, ja: `カードには${evaluations.length}件の評価結果があります。先頭の200件を取り込みました。` });
  const datasets: DatasetEntry[] = (r.list(meta.datasets, "datasets", 200, 200) ?? []).map((d) => ({ name: d, personalData: false, sensitiveData: false, importedFrom: [source] }));
  const warnings = r.result();
  if (datasets.length > 0) warnings.push(unclassifiedWarning(datasets.map((d) => d.name)));
  return { format: "hf-model-card", models: [model], datasets, warnings };
}

/** Every metric of every result of `model-index`; a metric without a value states no result and is skipped. */
function modelIndexResults(r: CardReader, index: Json[]): EvaluationEntry[] {
  const out: EvaluationEntry[] = [];
  let skipped = 0;
  for (const entry of index) {
    for (const result of objects(entry.results)) {
      const task = objectOr(result.task);
      const dataset = objectOr(result.dataset);
      const source = objectOr(result.source);
      for (const metric of objects(result.metrics)) {
        const value = r.text(metric.value, "model-index metrics value");
        if (value === undefined || value.length > 100) {
          skipped++;
          continue;
        }
        const t = (v: unknown, key: string, max: number) => r.fit(r.text(v, `model-index ${key}`), max, `model-index ${key}`);
        out.push(
          defined({
            metric: t(metric.type, "metrics type", 200),
            metricName: t(metric.name, "metrics name", 200),
            value,
            task: t(task.name, "task name", 200) ?? t(task.type, "task type", 200),
            dataset: t(dataset.name, "dataset name", 400) ?? t(dataset.type, "dataset type", 400),
            datasetConfig: t(dataset.config, "dataset config", 200),
            split: t(dataset.split, "dataset split", 100),
            source: t(source.url, "source url", 400) ?? t(source.name, "source name", 400),
          }),
        );
      }
    }
  }
  if (skipped > 0) {
    r.warnings.push({
      en: `${skipped} metric(s) in the card's model-index have no value (or one longer than 100 characters) and were not imported.`,
      ja: `カードのmodel-indexのうち${skipped}件の指標に値がない（又は100文字を超える）ため、取り込みませんでした。`,
    });
  }
  return out;
}

/** `co2_eq_emissions`: a number of grams, or `{emissions, source, training_type, geographical_location, hardware_used}`. */
function co2Of(r: CardReader, v: unknown): ModelEntry["co2Emissions"] {
  if (v === undefined || v === null) return undefined;
  if (isObject(v) && !Object.hasOwn(v, "emissions")) {
    r.text(v, "co2_eq_emissions"); // a placeholder, or a shape the spec does not have: reported, not read
    return undefined;
  }
  const o = isObject(v) ? v : { emissions: v };
  const stated = r.text(o.emissions, "co2_eq_emissions");
  if (stated === undefined) return undefined;
  const grams = numberOf(stated);
  if (grams === undefined || grams < 0) {
    r.warnings.push({
      en: `The card's co2_eq_emissions (${stated.slice(0, 60)}) is not a number of grams and was not imported.`,
      ja: `カードのco2_eq_emissions（${stated.slice(0, 60)}）がグラム数の数値ではないため、取り込みませんでした。`,
    });
    return undefined;
  }
  const t = (x: unknown, key: string, max: number) => r.fit(r.text(x, `co2_eq_emissions ${key}`), max, `co2_eq_emissions ${key}`);
  return defined({ grams, source: t(o.source, "source", 400), trainingType: t(o.training_type, "training_type", 200), location: t(o.geographical_location, "geographical_location", 200), hardware: t(o.hardware_used, "hardware_used", 200) });
}

function datasetCard(meta: Json, body: CardBody, options: CardOptions): ModelCardImport {
  const r = new CardReader();
  const name = options.name ?? r.text(meta.pretty_name, "pretty_name") ?? body.title;
  if (name === undefined) throw nameMissing("dataset");
  const source: CardSource = defined({ format: "hf-dataset-card" as const, name, file: options.fileName });
  const dataset: DatasetEntry = defined({
    name: r.fit(name, 200, "dataset name")!,
    licence: licenceOf(r, meta, body),
    personalData: false,
    sensitiveData: false,
    languages: r.list(meta.language, "language", 200, 50),
    ...defined(sectionsOf(r, body)),
    importedFrom: [source],
  });
  const warnings = r.result();
  const personal = body.sections.personalData;
  if (personal === undefined) warnings.push(unclassifiedWarning([dataset.name]));
  else {
    const quoted = personal.length > 200 ? `${personal.slice(0, 199)}…` : personal;
    warnings.push({
      en: `The card has a section on personal and sensitive information; it is recorded as holding none until you decide — read it: "${quoted}"`,
      ja: `カードに個人情報・機微情報の節があります。判断するまで「含まない」として登録されるため、内容を確認してください：「${quoted}」`,
    });
  }
  return { format: "hf-dataset-card", models: [], datasets: [dataset], warnings };
}

/**
 * Reads Hugging Face's newer eval results file (`.eval_results/*.yaml`): a list of
 * `{dataset: {id, task_id, revision}, value, date, source: {url, name}, notes}`. The file does not
 * name the model, so `options.name` must.
 */
export function readEvalResults(text: string, options: CardOptions): ModelCardImport {
  const list = readYaml(text, 1, "file");
  if (!Array.isArray(list)) {
    throw invalidCard("eval_results_not_list", {
      en: "The evaluation results file must be a YAML list of results (lines starting with - dataset:).",
      ja: "評価結果ファイルは結果のYAMLリスト（「- dataset:」で始まる行）である必要があります。",
    });
  }
  if (options.name === undefined) {
    throw invalidCard("name_missing", {
      en: "An evaluation results file does not name its model; give the name of the model the results belong to.",
      ja: "評価結果ファイルにはモデル名がありません。結果が属するモデルの名前を指定してください。",
    });
  }
  const r = new CardReader();
  const evaluations: EvaluationEntry[] = [];
  let skipped = 0;
  for (const item of list.filter(isObject)) {
    const dataset = objectOr(item.dataset);
    const source = objectOr(item.source);
    const value = r.text(item.value, "value");
    if (value === undefined || value.length > 100) {
      skipped++;
      continue;
    }
    const t = (v: unknown, key: string, max: number) => r.fit(r.text(v, key), max, key);
    evaluations.push(defined({ value, task: t(dataset.task_id, "dataset task_id", 200), dataset: t(dataset.id, "dataset id", 400), source: t(source.url, "source url", 400) ?? t(source.name, "source name", 400), date: t(item.date, "date", 40), notes: t(item.notes, "notes", 1000) }));
  }
  if (skipped > 0) r.warnings.push({ en: `${skipped} result(s) have no value and were not imported.`, ja: `${skipped}件の結果に値がないため、取り込みませんでした。` });
  if (evaluations.length === 0) {
    throw invalidCard("nothing_to_import", { en: "The evaluation results file has no result with a value.", ja: "評価結果ファイルに値のある結果がありません。" }, { warnings: r.result() });
  }
  const source: CardSource = defined({ format: "hf-eval-results" as const, name: options.name, file: options.fileName });
  return { format: "hf-eval-results", models: [{ name: options.name, evaluations: evaluations.slice(0, 200), importedFrom: [source] }], datasets: [], warnings: r.result() };
}
