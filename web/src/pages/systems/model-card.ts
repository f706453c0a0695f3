import { ApiError } from "../../api/client.ts";
import type { CardChange, CardSource, EvaluationEntry, ModelCardPreview } from "../../api/model-cards.ts";
import type { DatasetEntry, ModelEntry } from "../../api/systems.ts";
import type { Locale } from "../../api/types.ts";

/** The file a Hugging Face model or dataset card is: a file name, shown as code in both languages. */
export const HF_CARD_FILE = "README.md";

/** The entry fields a card can set, in the order people read them; each has a `modelCard.field.*` label. */
export const CARD_FIELDS = [
  "provider",
  "version",
  "licence",
  "source",
  "baseModel",
  "task",
  "library",
  "languages",
  "tags",
  "intendedUse",
  "outOfScopeUse",
  "limitations",
  "biasRisks",
  "evaluations",
  "co2Emissions",
] as const;
export type CardField = (typeof CARD_FIELDS)[number];

/** A field name the server sends, as one the UI has a label for (`other` for one it does not know yet). */
export const cardFieldOf = (field: string): CardField | "other" => ((CARD_FIELDS as readonly string[]).includes(field) ? (field as CardField) : "other");

/** The long card texts, shown in a disclosure rather than in a table cell. */
export const CARD_SECTIONS = ["intendedUse", "outOfScopeUse", "limitations", "biasRisks"] as const;

/** One field's value reduced to what a preview line shows: text, a count of results, or grams. */
export type FieldSummary = { text: string } | { evaluations: number } | { grams: number };

const PREVIEW_TEXT_MAX = 200;
const clip = (s: string) => (s.length > PREVIEW_TEXT_MAX ? `${s.slice(0, PREVIEW_TEXT_MAX - 1)}…` : s);

/** What a field holds, for a preview line; undefined when it holds nothing. */
export function summarise(entry: ModelEntry | DatasetEntry | undefined, field: string): FieldSummary | undefined {
  const value: unknown = entry ? (entry as unknown as Record<string, unknown>)[field] : undefined;
  if (value === undefined || value === null) return undefined;
  if (field === "evaluations" && Array.isArray(value)) return { evaluations: value.length };
  if (field === "co2Emissions" && typeof value === "object" && "grams" in value) return { grams: Number((value as { grams: number }).grams) };
  if (Array.isArray(value)) return value.length > 0 ? { text: clip(value.join(", ")) } : undefined;
  if (typeof value === "string") return value.trim() ? { text: clip(value) } : undefined;
  return undefined;
}

/** One line of a change: a field, what it held before (if anything) and what the card gives it. */
export interface ChangeLine {
  field: CardField | "other";
  before?: FieldSummary;
  after?: FieldSummary;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The lines that explain one change of a preview: for each field the card sets, the value it
 * replaces (the server's `replaced` text, else the system's current value) and the card's value.
 * Entries are matched by name ignoring case, as the server matches them.
 */
export function changeLines(change: CardChange, preview: Pick<ModelCardPreview, "models" | "datasets">, current: { models: ModelEntry[]; datasets: DatasetEntry[] }): ChangeLine[] {
  const list = change.kind === "model" ? preview.models : preview.datasets;
  const existing = change.kind === "model" ? current.models : current.datasets;
  const card = (list as (ModelEntry | DatasetEntry)[]).find((e) => sameName(e.name, change.name));
  const now = (existing as (ModelEntry | DatasetEntry)[]).find((e) => sameName(e.name, change.name));
  return change.fields.map((field) => {
    const replaced = change.replaced[field];
    const before = replaced !== undefined ? { text: clip(replaced) } : change.action === "add" ? undefined : summarise(now, field);
    const after = summarise(card, field);
    return { field: cardFieldOf(field), ...(before && { before }), ...(after && { after }) };
  });
}

/** The card texts an entry holds, in reading order, for the disclosure under its table row. */
export function cardSections(entry: ModelEntry | DatasetEntry): { field: (typeof CARD_SECTIONS)[number]; text: string }[] {
  return CARD_SECTIONS.flatMap((field) => {
    const text = entry[field];
    return text ? [{ field, text }] : [];
  });
}

/** Whether an entry has anything from a card to show under its row. */
export function hasCardFacts(entry: ModelEntry | DatasetEntry): boolean {
  const m = entry as ModelEntry;
  return Boolean(
    entry.importedFrom?.length ||
      cardSections(entry).length ||
      entry.languages?.length ||
      m.evaluations?.length ||
      m.baseModel ||
      m.task ||
      m.library ||
      m.tags?.length ||
      m.co2Emissions,
  );
}

/** An evaluation result's value with its bounds as the card states them (`0.91 [0.89, 0.93]`). */
export function evaluationValue(e: EvaluationEntry): string {
  if (e.lowerBound !== undefined || e.upperBound !== undefined) return `${e.value} [${e.lowerBound ?? "…"}, ${e.upperBound ?? "…"}]`;
  return e.value;
}

/** The metric's name as the card gives it: the display name where there is one, else the metric's id. */
export const evaluationMetric = (e: EvaluationEntry): string | undefined => e.metricName ?? e.metric;

/** The dataset of an evaluation result with its configuration (`common_voice (en)`). */
export const evaluationDataset = (e: EvaluationEntry): string | undefined => (e.dataset ? (e.datasetConfig ? `${e.dataset} (${e.datasetConfig})` : e.dataset) : undefined);

/** Card sources without repeats of the same format and name (a file imported twice). */
export function distinctSources(sources: CardSource[] | undefined): CardSource[] {
  const out: CardSource[] = [];
  for (const s of sources ?? []) if (!out.some((o) => o.format === s.format && o.name === s.name && o.file === s.file)) out.push(s);
  return out;
}

/**
 * The server's own sentence about a refused card (`details.message` of a 422 `import_invalid_card`
 * or a 413 `import_too_large`), in the language asked for; undefined when it sent none.
 */
export function cardProblem(error: unknown, lang: Locale): string | undefined {
  if (!(error instanceof ApiError) || error.details === null || typeof error.details !== "object") return undefined;
  const message = (error.details as { message?: Partial<Record<Locale, string>> }).message;
  return message?.[lang] ?? message?.en ?? message?.ja;
}

/** Whether the card was refused for want of a name the person can give (`details.reason` `name_missing`). */
export function needsName(error: unknown): boolean {
  return error instanceof ApiError && typeof error.details === "object" && error.details !== null && (error.details as { reason?: unknown }).reason === "name_missing";
}

/** Whether anything in the preview would change the system: only then is there something to confirm. */
export const changesSomething = (preview: ModelCardPreview | undefined): boolean => preview !== undefined && preview.changes.some((c) => c.action !== "unchanged");
