import type { ChangeContext } from "../../audit/audited.ts";
import type { Actor } from "../../platform/authz.ts";
import type { CardSource } from "../systems.card-fields.ts";
import { canEditSystem } from "../systems.policy.ts";
import { systemFields, type DatasetEntry, type ModelEntry, type SystemView } from "../systems.schema.ts";
import { readSystem, updateSystem, type SystemContext } from "../systems.service.ts";
import { AppError } from "../../platform/errors.ts";
import { invalidCard } from "./model-card.messages.ts";
import { parseModelCard, type CardOptions, type ModelCardImport } from "./model-card.parse.ts";

/** What importing the card does to one entry of the system: added, its stated fields updated, or nothing. */
export interface CardChange {
  kind: "model" | "dataset";
  name: string;
  action: "add" | "update" | "unchanged";
  /** The entry fields the card sets or changes. */
  fields: string[];
  /** The text the card replaces, by field, so the person sees what a typed value would give way to. */
  replaced: Record<string, string>;
}

/** A card read against one system: what it states, what it would change, and — once applied — the system. */
export interface ModelCardPreview extends ModelCardImport {
  system: { id: string; code: string; version: number };
  changes: CardChange[];
  /** Whether the system was written: only with `apply` and when something changes. */
  applied: boolean;
}

type Entry = ModelEntry | DatasetEntry;

/** Fields a card never speaks for: a dataset card's flags are defaults, not statements; hosting and bom-ref are Musubi's. */
const KEEP = new Set(["name", "personalData", "sensitiveData", "hosting", "bomRef"]);
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const json = (v: unknown) => JSON.stringify(v);

/** `importedFrom` grows by the new card (once), keeping the last 20. */
function sources(before: CardSource[] | undefined, added: CardSource[] | undefined): CardSource[] | undefined {
  const all = [...(before ?? []), ...(added ?? [])];
  const unique = all.filter((s, i) => all.findIndex((t) => json(t) === json(s)) === i);
  return unique.length > 0 ? unique.slice(-20) : undefined;
}

function mergeEntry<T extends Entry>(existing: T, card: T, appendEvaluations: boolean): { next: T; fields: string[]; replaced: Record<string, string> } {
  const next: Record<string, unknown> = { ...existing };
  const fields: string[] = [];
  const replaced: Record<string, string> = {};
  for (const [key, value] of Object.entries(card)) {
    if (KEEP.has(key) || value === undefined) continue;
    const before = next[key];
    let after: unknown = value;
    if (key === "importedFrom") after = sources(before as CardSource[] | undefined, value as CardSource[]);
    if (key === "evaluations" && appendEvaluations) {
      const old = (before as unknown[] | undefined) ?? [];
      after = [...old, ...(value as unknown[]).filter((e) => !old.some((o) => json(o) === json(e)))].slice(0, 200);
    }
    if (json(before) === json(after)) continue;
    next[key] = after;
    if (key !== "importedFrom") fields.push(key);
    if (typeof before === "string") replaced[key] = before;
  }
  return { next: next as T, fields, replaced };
}

/**
 * The system's models and datasets with the card's merged in. An entry is matched by name (case and
 * surrounding spaces ignored): a new one is added; a known one gets the fields the card states and
 * keeps everything the card is silent on — hosting, bom-ref, and a dataset's personal-data flags,
 * which a card's defaults must never clear. Evaluation results replace the model's, except from an
 * eval results file, which adds to them.
 */
export function mergeCard(current: Pick<SystemView, "models" | "datasets">, card: ModelCardImport): { models: ModelEntry[]; datasets: DatasetEntry[]; changes: CardChange[] } {
  const changes: CardChange[] = [];
  const merge = <T extends Entry>(kind: "model" | "dataset", list: T[], incoming: T[]): T[] => {
    const out = [...list];
    for (const entry of incoming) {
      const at = out.findIndex((e) => same(e.name, entry.name));
      if (at < 0) {
        out.push(entry);
        changes.push({ kind, name: entry.name, action: "add", fields: Object.keys(entry).filter((k) => !KEEP.has(k) && k !== "importedFrom"), replaced: {} });
        continue;
      }
      const { next, fields, replaced } = mergeEntry(out[at]!, entry, card.format === "hf-eval-results");
      out[at] = next;
      changes.push({ kind, name: out[at]!.name, action: fields.length > 0 ? "update" : "unchanged", fields, replaced });
    }
    return out;
  };
  const models = merge("model", current.models, card.models);
  const datasets = merge("dataset", current.datasets, card.datasets);
  return { models, datasets, changes };
}

/**
 * Reads a card and shows what it would change in the system; with `apply`, writes the change
 * through `updateSystem` — the service the system form uses — so the ledger records it as any other
 * edit (`system.updated`, before and after). The caller must be allowed to edit this system (a
 * system owner only their own), for the preview too, so nobody is shown an import they cannot make.
 * `version`, when given, must be the system's current version (409 otherwise), so what is applied is
 * what was previewed.
 */
export async function importModelCard(
  ctx: SystemContext,
  who: ChangeContext,
  actor: Actor,
  systemId: string,
  bytes: Uint8Array,
  options: CardOptions & { apply: boolean; version?: number },
): Promise<ModelCardPreview> {
  const current = await readSystem(ctx.db, actor.orgId, systemId);
  if (!canEditSystem(actor, { business_owner_id: current.businessOwner?.id ?? null, technical_owner_id: current.technicalOwner?.id ?? null })) {
    throw new AppError(403, "forbidden", { permission: "systems.manage", reason: "not_owner" });
  }
  if (options.version !== undefined && options.version !== current.version) throw new AppError(409, "conflict", { current });
  const card = parseModelCard(bytes, options);
  const { models, datasets, changes } = mergeCard(current, card);
  if (!systemFields.models.safeParse(models).success || !systemFields.datasets.safeParse(datasets).success) {
    throw invalidCard("too_many_entries", {
      en: "With the card's entries the system would have more than 100 models or 200 datasets; remove some first.",
      ja: "カードの内容を加えるとシステムのモデルが100件又はデータセットが200件を超えます。先に不要なものを削除してください。",
    });
  }
  const system = { id: current.id, code: current.code, version: current.version };
  const changed = changes.some((c) => c.action !== "unchanged");
  if (!options.apply || !changed) return { ...card, system, changes, applied: false };
  const updated = await updateSystem(ctx, who, actor, systemId, { version: current.version, models, datasets });
  return { ...card, system: { ...system, version: updated.version }, changes, applied: true };
}
