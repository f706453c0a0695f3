import { z } from "zod";

const text = (max: number) => z.string().trim().min(1).max(max);
/** A stated value: absent when the source is silent, never an empty string standing in for "unknown". */
const stated = (max: number) => text(max).optional();

/** The longest free text kept from a card section; longer sections are cut and the import says so. */
export const CARD_TEXT_MAX = 4000;

/** The card formats Musubi reads; the slug is stored, the words for people are in `CARD_FORMAT_LABELS`. */
export const CARD_FORMATS = ["hf-model-card", "hf-dataset-card", "hf-eval-results", "google-model-card"] as const;
export type CardFormat = (typeof CARD_FORMATS)[number];

/** What each card format is called, in both languages, for previews, the CLI and the docs. */
export const CARD_FORMAT_LABELS: Record<CardFormat, { en: string; ja: string }> = {
  "hf-model-card": { en: "Hugging Face model card", ja: "Hugging Faceモデルカード" },
  "hf-dataset-card": { en: "Hugging Face dataset card", ja: "Hugging Faceデータセットカード" },
  "hf-eval-results": { en: "Hugging Face evaluation results", ja: "Hugging Face評価結果" },
  "google-model-card": { en: "Model Card Toolkit (Google) model card", ja: "Model Card Toolkit（Google）モデルカード" },
};

/**
 * One card an entry's values came from, so a reader can tell a stated value from one a person
 * typed: the card's format, the name the card gives (or the importer was given), and the file.
 */
export const cardSource = z.strictObject({
  format: z.enum(CARD_FORMATS),
  name: text(400),
  file: stated(255),
});
export type CardSource = z.infer<typeof cardSource>;

/** The cards an entry's card values came from, oldest first (a model card, then its eval results). */
const importedFrom = z.array(cardSource).min(1).max(20).optional();

/**
 * One evaluation result as a card states it. Values stay text exactly as written (`20.90` is not
 * turned into `20.9`); `metric` is absent for Hugging Face's newer eval results, whose score is the
 * benchmark task's own.
 */
export const evaluationEntry = z.strictObject({
  metric: stated(200),
  metricName: stated(200),
  value: text(100),
  task: stated(200),
  dataset: stated(400),
  datasetConfig: stated(200),
  split: stated(100),
  slice: stated(200),
  threshold: stated(100),
  lowerBound: stated(100),
  upperBound: stated(100),
  /** A URL or the name of where the result was published (a leaderboard, a paper). */
  source: stated(400),
  date: stated(40),
  notes: stated(1000),
});
export type EvaluationEntry = z.infer<typeof evaluationEntry>;

/** Hugging Face's `co2_eq_emissions`: grams of CO2-equivalent, with what the card says of how it was measured. */
export const co2Emissions = z.strictObject({
  grams: z.number().nonnegative().finite(),
  source: stated(400),
  trainingType: stated(200),
  location: stated(200),
  hardware: stated(200),
});

/** Card sections kept as text: what the model or dataset is for, not for, and where it falls short. */
const sectionFields = {
  intendedUse: stated(CARD_TEXT_MAX),
  outOfScopeUse: stated(CARD_TEXT_MAX),
  limitations: stated(CARD_TEXT_MAX),
  /** Bias, risks and ethical considerations, as the card words them. */
  biasRisks: stated(CARD_TEXT_MAX),
};

/**
 * What a model card adds to a model entry; every field optional, so entries typed by hand are
 * unchanged. Spread into `modelEntry`.
 */
export const modelCardFields = {
  /** The model it was fine-tuned or merged from (several joined with ", "). */
  baseModel: stated(400),
  /** The task the card names (Hugging Face `pipeline_tag`, e.g. `text-classification`). */
  task: stated(200),
  /** The library the model is used with (Hugging Face `library_name`). */
  library: stated(200),
  languages: z.array(text(50)).max(200).optional(),
  tags: z.array(text(200)).max(100).optional(),
  ...sectionFields,
  evaluations: z.array(evaluationEntry).max(200).optional(),
  co2Emissions: co2Emissions.optional(),
  importedFrom,
};

/** What a dataset card adds to a dataset entry. Spread into `datasetEntry`. */
export const datasetCardFields = {
  languages: z.array(text(50)).max(200).optional(),
  ...sectionFields,
  importedFrom,
};
