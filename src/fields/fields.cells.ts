import type { FieldTextKey } from "../platform/http/field-messages.ts";
import { listCell } from "../systems/io/export.cells.ts";
import { isDateProblem, parseDate } from "../systems/io/import.dates.ts";
import { foldValue, parseList, type SplitRule } from "../systems/io/import.values.ts";
import type { FieldOption } from "./fields.schema.ts";
import { checkValue, type FieldDef } from "./fields.values.ts";

/** The mapping target of a custom field: `custom.<key>`, as a column header and a mapping's `field`. */
export const CUSTOM_PREFIX = "custom.";
export type CustomTarget = `custom.${string}`;

export function isCustomTarget(field: string): field is CustomTarget {
  return field.startsWith(CUSTOM_PREFIX);
}

export function customKeyOf(field: CustomTarget): string {
  return field.slice(CUSTOM_PREFIX.length);
}

/** How one register cell becomes a value: the column's own translations and split rule, and the organisation's people by e-mail. */
export interface CellReading {
  split?: SplitRule;
  translate?: (text: string) => string;
  /** The member a person cell names (by e-mail), if any. */
  person: (email: string) => string | undefined;
}

/** The option a register's word names: its value, or either label, compared ignoring case and width. */
function optionFor(options: readonly FieldOption[], word: string): string | undefined {
  const w = foldValue(word);
  return options.find((o) => foldValue(o.value) === w || foldValue(o.labelJa) === w || foldValue(o.labelEn) === w)?.value;
}

/**
 * A cell read as a value of `def`: numbers with thousands separators (`1,500,000`), the date forms
 * the inventory import reads (`2025/4/1`, `令和7年4月1日`), choices by value or label, several
 * choices as a list, a person by e-mail. Empty text is no value.
 */
export function customFromCell(def: FieldDef, text: string, how: CellReading): { value: string | number | string[] | null } | { problem: FieldTextKey } {
  const t = how.translate ?? ((s: string) => s);
  const s = t(text.trim()).trim();
  if (s === "") return { value: null };
  switch (def.type) {
    case "number": {
      const plain = s.normalize("NFKC").replace(/[,\s_]/g, "");
      return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain) ? checkValue(def, Number(plain)) : { problem: "custom_number" };
    }
    case "date": {
      const day = parseDate(s);
      return isDateProblem(day) ? { problem: "custom_date" } : { value: day };
    }
    case "choice": {
      const v = optionFor(def.options, s);
      return v === undefined ? { problem: "custom_choice" } : { value: v };
    }
    case "multi_choice": {
      const items = parseList(text.trim(), true, how.split);
      if (items === undefined) return { problem: "custom_multi_choice" };
      const values: string[] = [];
      for (const item of items) {
        const word = t(item).trim();
        if (word === "") continue;
        const v = optionFor(def.options, word);
        if (v === undefined) return { problem: "custom_multi_choice" };
        values.push(v);
      }
      return checkValue(def, values);
    }
    case "person": {
      const id = how.person(s);
      return id === undefined ? { problem: "no_such_user" } : { value: id };
    }
    default:
      return checkValue(def, s);
  }
}

/** A stored value as one cell that {@link customFromCell} reads back to the same value. */
export function customCell(def: FieldDef, value: string | number | string[] | undefined, emailById: ReadonlyMap<string, string>): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return listCell(value, true);
  if (def.type === "person") return emailById.get(String(value)) ?? "";
  return String(value);
}
