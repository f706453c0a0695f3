import { postBytes, queryString, type UploadAuth } from "./client.ts";
import type { DatasetEntry, ModelEntry } from "./systems.ts";

/**
 * Model and dataset cards as the web UI sees them: the optional card fields of a model or dataset
 * entry and the answer of `POST /api/systems/:id/model-card`. Kept by hand beside the server's
 * zod schemas (src/systems/systems.card-fields.ts, src/systems/io/model-card.routes.ts).
 */

/** The card formats the server reads; shown to people by `modelCard.format.*`. */
export const CARD_FORMATS = ["hf-model-card", "hf-dataset-card", "hf-eval-results", "google-model-card"] as const;
export type CardFormat = (typeof CARD_FORMATS)[number];

/** The card an entry's values came from: so a reader can tell a stated value from a typed one. */
export interface CardSource {
  format: CardFormat;
  name: string;
  file?: string;
}

/** One evaluation result as the card states it; values stay text exactly as written. */
export interface EvaluationEntry {
  metric?: string;
  metricName?: string;
  value: string;
  task?: string;
  dataset?: string;
  datasetConfig?: string;
  split?: string;
  slice?: string;
  threshold?: string;
  lowerBound?: string;
  upperBound?: string;
  source?: string;
  date?: string;
  notes?: string;
}

/** Card sections kept as text. */
export interface CardSections {
  intendedUse?: string;
  outOfScopeUse?: string;
  limitations?: string;
  biasRisks?: string;
}

/** What a model card adds to a model entry (all optional: entries typed by hand have none). */
export interface ModelCardFields extends CardSections {
  baseModel?: string;
  task?: string;
  library?: string;
  languages?: string[];
  tags?: string[];
  evaluations?: EvaluationEntry[];
  co2Emissions?: { grams: number; source?: string; trainingType?: string; location?: string; hardware?: string };
  importedFrom?: CardSource[];
}

/** What a dataset card adds to a dataset entry. */
export interface DatasetCardFields extends CardSections {
  languages?: string[];
  importedFrom?: CardSource[];
}

/** What importing the card does to one entry of the system. */
export interface CardChange {
  kind: "model" | "dataset";
  name: string;
  action: "add" | "update" | "unchanged";
  /** The entry fields the card sets or changes. */
  fields: string[];
  /** The text each field held before, for the fields the card replaces. */
  replaced: Record<string, string>;
}

/** The server's reading of a card against one system, and whether it was written. */
export interface ModelCardPreview {
  format: CardFormat;
  models: ModelEntry[];
  datasets: DatasetEntry[];
  warnings: { en: string; ja: string }[];
  system: { id: string; code: string; version: number };
  changes: CardChange[];
  applied: boolean;
}

/** What the person may say where the card does not; `version` is the one the preview was made against. */
export interface ModelCardOptions {
  name?: string;
  kind?: "model" | "dataset";
  apply?: boolean;
  version?: number;
}

export const modelCardsApi = {
  /** Sends the card file as it is: a preview, or with `apply` the change (refused with 409 when `version` is stale). */
  read: (systemId: string, file: File, auth: UploadAuth, options: ModelCardOptions = {}) =>
    postBytes<ModelCardPreview>(
      `/api/systems/${encodeURIComponent(systemId)}/model-card${queryString({ apply: options.apply ? "true" : undefined, version: options.version, name: options.name?.trim(), kind: options.kind })}`,
      file,
      auth,
    ),
};
