import type { ComponentEntry, DatasetEntry, Lifecycle, ModelEntry } from "../systems.schema.ts";
import { IMPORT_FIELDS, type ImportField } from "./import.mapping.ts";

/**
 * What the exporters need of a system: a `SystemView` fits. Owners are written as their e-mail
 * and the department as its code, the keys an import resolves them by.
 */
export interface ExportRecord {
  code: string;
  nameJa: string;
  nameEn: string;
  purpose: string;
  businessOwner: { email: string; displayName?: string } | null;
  technicalOwner: { email: string; displayName?: string } | null;
  department: { code: string; nameJa?: string; nameEn?: string } | null;
  lifecycle: Lifecycle;
  profile: Record<string, unknown>;
  models: ModelEntry[];
  datasets: DatasetEntry[];
  components: ComponentEntry[];
  vendors: string[];
  countries: string[];
  tags: string[];
  lastReviewedAt: string | null;
  nextReviewAt: string | null;
  /** The organisation's own fields, by key. */
  custom?: Record<string, string | number | string[]>;
  /** Derived, absent from records written for import. */
  euClass?: string | null;
  euClassFrom?: string | null;
}

/**
 * Columns the export adds after the importable ones: what Musubi derived (the EU AI Act class and
 * the date it applies from, so a high-risk system whose obligations start later reads as such in a
 * spreadsheet). An import does not map them: the class is derived again from the profile.
 */
export const DERIVED_FIELDS = ["euClass", "euClassFrom"] as const;
export type DerivedField = (typeof DERIVED_FIELDS)[number];
type ExportField = ImportField | DerivedField;

/**
 * The exported columns in order. Headers are the field ids, which `suggestMapping` maps back to
 * themselves, so an exported file re-imports without a manual mapping.
 */
export const exportColumns: readonly { field: ExportField; header: string }[] = [...IMPORT_FIELDS, ...DERIVED_FIELDS].map((field) => ({ field, header: field }));

/** One system as the import understands it: plain values, lists as arrays, people and department by key. */
export type ExportedSystem = Record<ExportField, string | string[] | null | Record<string, unknown> | unknown[]>;

export function exportedSystem(r: ExportRecord): ExportedSystem {
  return {
    code: r.code,
    nameJa: r.nameJa,
    nameEn: r.nameEn,
    purpose: r.purpose,
    businessOwnerEmail: r.businessOwner?.email ?? null,
    businessOwnerName: r.businessOwner?.displayName ?? null,
    technicalOwnerEmail: r.technicalOwner?.email ?? null,
    technicalOwnerName: r.technicalOwner?.displayName ?? null,
    departmentCode: r.department?.code ?? null,
    departmentNameJa: r.department?.nameJa ?? null,
    departmentNameEn: r.department?.nameEn ?? null,
    lifecycle: r.lifecycle,
    profile: r.profile,
    models: r.models,
    datasets: r.datasets,
    components: r.components,
    vendors: r.vendors,
    countries: r.countries,
    tags: r.tags,
    lastReviewedAt: r.lastReviewedAt,
    nextReviewAt: r.nextReviewAt,
    euClass: r.euClass ?? null,
    euClassFrom: r.euClassFrom ?? null,
  };
}

/** Characters the list reader splits on, per field; commas only for countries and tags. */
const SEPARATORS = /[\n\r;；、]/;
const SEPARATORS_WITH_COMMA = /[\n\r;；、,，]/;

/**
 * A list as one cell that reads back to the same items: `a; b` when no item contains a separator
 * (or could be mistaken for JSON), otherwise a JSON array.
 */
export function listCell(items: readonly string[], splitsOnComma: boolean): string {
  if (items.length === 0) return "";
  const sep = splitsOnComma ? SEPARATORS_WITH_COMMA : SEPARATORS;
  for (const item of items) {
    if (sep.test(item) || item.startsWith("[") || item !== item.trim()) return JSON.stringify(items);
  }
  return items.join("; ");
}

const jsonCell = (value: unknown[] | Record<string, unknown>) =>
  (Array.isArray(value) ? value.length : Object.keys(value).length) === 0 ? "" : JSON.stringify(value);

/** A record's cells as text, in `exportColumns` order. */
export function exportCells(r: ExportRecord): string[] {
  const system = exportedSystem(r);
  return exportColumns.map(({ field }) => cellText(field, system[field]));
}

function cellText(field: ExportField, value: ExportedSystem[ExportField]): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (field === "vendors" || field === "countries" || field === "tags") return listCell(value as string[], field !== "vendors");
  return jsonCell(value);
}
