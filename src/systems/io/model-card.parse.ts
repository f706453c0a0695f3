import type { CardFormat } from "../systems.card-fields.ts";
import { datasetEntry, modelEntry, type DatasetEntry, type ModelEntry } from "../systems.schema.ts";
import type { Bilingual } from "./import.messages.ts";
import { nestedDeeperThan } from "./json.depth.ts";
import { readGoogleCard } from "./model-card.google.ts";
import { readEvalResults, readHfCard } from "./model-card.hf.ts";
import { cardTooLarge, invalidCard, MAX_CARD_BYTES, MAX_CARD_DEPTH } from "./model-card.messages.ts";

/** What the person says about the file: its name (for provenance and format), and what to call the model or dataset. */
export interface CardOptions {
  fileName?: string;
  /** The name to record the model or dataset under, instead of (or where the card lacks) the card's own. */
  name?: string;
  /** Whether a README.md is a model or a dataset card, when its metadata does not make it clear. */
  kind?: "model" | "dataset";
}

/** The models and datasets a card describes, as Musubi records them, and what the person should check. */
export interface ModelCardImport {
  format: CardFormat;
  models: ModelEntry[];
  datasets: DatasetEntry[];
  warnings: Bilingual[];
}

const EVAL_RESULTS = /^(\s*#.*\n|\s*\n)*\s*-\s+dataset\s*:/;

/**
 * Reads a model or dataset card: a Hugging Face README.md (YAML front matter and markdown), a
 * Hugging Face eval results YAML file, or a Model Card Toolkit JSON card. Bounded before anything
 * is parsed: at most 1 MiB, UTF-8 only; YAML alias expansion and nesting are capped in the reader.
 * Fields the card does not fill stay absent — nothing is guessed — and every entry records the
 * card it came from (`importedFrom`).
 */
export function parseModelCard(bytes: Uint8Array, options: CardOptions = {}): ModelCardImport {
  if (bytes.length > MAX_CARD_BYTES) throw cardTooLarge("bytes", MAX_CARD_BYTES);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidCard("not_utf8", { en: "The card is not UTF-8 text; save it as UTF-8 and upload it again.", ja: "カードがUTF-8のテキストではありません。UTF-8で保存してからアップロードしてください。" });
  }
  if (text.trim() === "") throw invalidCard("empty", { en: "The file is empty.", ja: "ファイルが空です。" });
  const result = text.trimStart().startsWith("{")
    ? readGoogleCard(readJson(text), options)
    : /\.ya?ml$/i.test(options.fileName ?? "") || EVAL_RESULTS.test(text)
      ? readEvalResults(text, options)
      : readHfCard(text, options);
  return { ...result, models: result.models.map((m) => checked(modelEntry, m)), datasets: result.datasets.map((d) => checked(datasetEntry, d)) };
}

function readJson(text: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    if (err instanceof RangeError) throw cardTooLarge("depth", MAX_CARD_DEPTH);
    throw invalidCard("not_json", {
      en: `The file starts like JSON but is not valid JSON (${(err as Error).message}).`,
      ja: `ファイルはJSONとして始まっていますが、正しいJSONではありません（${(err as Error).message}）。`,
    });
  }
  if (nestedDeeperThan(json, MAX_CARD_DEPTH)) throw cardTooLarge("depth", MAX_CARD_DEPTH);
  if (json !== null && typeof json === "object" && (json as { bomFormat?: unknown }).bomFormat === "CycloneDX") {
    throw invalidCard("schema", {
      en: "This is a CycloneDX BOM, not a model card; import it with the CycloneDX import of the system instead.",
      ja: "このファイルはモデルカードではなくCycloneDXのBOMです。システムのCycloneDX取込みを使ってください。",
    });
  }
  return json;
}

/** An entry as the record stores it; the readers keep within the schema, so a failure here is a bug surfaced as a clear 422. */
function checked<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, entry: T): T {
  const parsed = schema.safeParse(entry);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = issue ? `${issue.path.map(String).join(".")}: ${issue.message}` : "";
  throw invalidCard("schema", { en: `A value of the card does not fit Musubi's record (${at}).`, ja: `カードの値がMusubiの記録形式に合いません（${at}）。` });
}
