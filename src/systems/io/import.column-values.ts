import type { ImportField } from "./import.headers.ts";
import { LIST_FIELDS } from "./import.headers.ts";
import type { MappingField } from "./import.mapping.ts";
import { customFromCell, customKeyOf, isCustomTarget } from "../../fields/fields.cells.ts";
import type { FieldDef } from "../../fields/fields.values.ts";
import { foldValue, parseLifecycle, parseList, resolveCountry, type SplitRule } from "./import.values.ts";
import type { Table } from "./table.read.ts";

/** One distinct value of a column, how many rows hold it, and what Musubi would read it as. */
export interface ColumnValue {
  value: string;
  rows: number;
  /** The Musubi value the import would take without a translation; null when it would refuse the value. */
  reading: string | null;
}

export interface ColumnValues {
  column: string;
  field: MappingField;
  /** Rows whose cell is blank: without a translation, the field's absent value ("unknown" for the stage). */
  blank: number;
  /** The most frequent values first (at most {@link MAX_VALUES}). */
  values: ColumnValue[];
  /** Distinct values beyond those listed. */
  more: number;
}

export const MAX_VALUES = 200;

/** What the organisation's records let the reader suggest for department cells. */
export interface ValueContext {
  /** Department codes by code and by name (Japanese and English), keys folded with {@link foldValue}. */
  departmentByWord: Map<string, string>;
  /** The organisation's own fields by key, for a column mapped to one (`custom.<key>`). */
  customFields?: ReadonlyMap<string, FieldDef>;
  /** Users by e-mail, lower-cased, for a person field. */
  userIdByEmail?: ReadonlyMap<string, string>;
}

/**
 * The distinct values of one column as the import would cut them (list fields item by item, with
 * the column's split rule), with Musubi's reading of each — the starting point of a value
 * translation the person confirms. A field without a reading of its own (names, free text) reads
 * each value as itself.
 */
export function columnValues(table: Table, column: string, field: MappingField, split: SplitRule, ctx: ValueContext): ColumnValues | undefined {
  const index = table.headers.indexOf(column);
  if (index < 0) return undefined;
  const counts = new Map<string, { value: string; rows: number }>();
  let blank = 0;
  for (const row of table.rows) {
    const text = (row.cells[index] ?? "").trim();
    if (text === "") {
      blank++;
      continue;
    }
    const def = isCustomTarget(field) ? ctx.customFields?.get(customKeyOf(field)) : undefined;
    const listed = def ? def.type === "multi_choice" : LIST_FIELDS.has(field as ImportField);
    const items = listed ? (parseList(text, def !== undefined || field === "tags" || field === "countries", split) ?? [text]) : [text];
    for (const item of new Set(items)) {
      const key = foldValue(item);
      const seen = counts.get(key);
      if (seen) seen.rows++;
      else counts.set(key, { value: item, rows: 1 });
    }
  }
  const sorted = [...counts.values()].sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));
  return {
    column,
    field,
    blank,
    values: sorted.slice(0, MAX_VALUES).map((v) => ({ ...v, reading: readingOf(field, v.value, ctx) })),
    more: Math.max(0, sorted.length - MAX_VALUES),
  };
}

function readingOf(field: MappingField, value: string, ctx: ValueContext): string | null {
  if (isCustomTarget(field)) {
    const def = ctx.customFields?.get(customKeyOf(field));
    if (!def) return null;
    // A multi-choice column is listed item by item: each item reads as one choice.
    const read = customFromCell(def.type === "multi_choice" ? { ...def, type: "choice" } : def, value, { person: (email) => ctx.userIdByEmail?.get(email.toLowerCase()) });
    return "problem" in read || read.value === null ? null : String(read.value);
  }
  switch (field) {
    case "lifecycle":
      return parseLifecycle(value) ?? null;
    case "countries":
      return resolveCountry(value) ?? null;
    case "departmentCode":
      return ctx.departmentByWord.get(foldValue(value)) ?? null;
    default:
      return value;
  }
}
