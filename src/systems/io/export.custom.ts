import { customCell } from "../../fields/fields.cells.ts";
import type { CustomValues } from "../../fields/fields.schema.ts";
import type { FieldDef } from "../../fields/fields.values.ts";
import type { Locale } from "../../platform/i18n.ts";

/** The organisation's own fields an export writes, and the people their person fields name. */
export interface CustomExport {
  defs: readonly FieldDef[];
  /** Users by id: e-mail for re-import, display name for people. */
  people: ReadonlyMap<string, { email: string; displayName: string }>;
}

/** Machine columns: `custom.<key>` headers (what the import maps back to the field), values as the import reads them. */
export function customMachineColumns(custom: CustomExport | undefined): { header: string; cell: (values: CustomValues | undefined) => string }[] {
  if (!custom) return [];
  const emails = new Map([...custom.people].map(([id, p]) => [id, p.email]));
  return custom.defs.map((def) => ({ header: `custom.${def.key}`, cell: (values) => customCell(def, values?.[def.key], emails) }));
}

/** Values for the JSON export, by key: people by e-mail (as the import resolves them), the rest as stored. */
export function customJson(custom: CustomExport | undefined, values: CustomValues | undefined): Record<string, unknown> | undefined {
  if (!custom || !values) return undefined;
  const out: Record<string, unknown> = {};
  for (const def of custom.defs) {
    const v = values[def.key];
    if (v === undefined) continue;
    out[def.key] = def.type === "person" ? (custom.people.get(String(v))?.email ?? null) : v;
  }
  return Object.keys(out).length ? out : undefined;
}

/** People's columns: the field's label in the reader's language, choices by their labels, a person by name. */
export function customPeopleColumns(custom: CustomExport | undefined, locale: Locale): { header: string; kind: "text" | "date"; cell: (values: CustomValues | undefined) => string }[] {
  if (!custom) return [];
  return custom.defs.map((def) => ({
    header: locale === "ja" ? def.labelJa : def.labelEn,
    kind: def.type === "date" ? "date" : "text",
    cell: (values) => {
      const v = values?.[def.key];
      if (v === undefined) return "";
      const label = (x: string) => {
        const o = def.options.find((opt) => opt.value === x);
        return o ? (locale === "ja" ? o.labelJa : o.labelEn) : x;
      };
      if (Array.isArray(v)) return v.map(label).join(locale === "ja" ? "、" : ", ");
      if (def.type === "choice") return label(String(v));
      if (def.type === "person") return custom.people.get(String(v))?.displayName ?? "";
      if (def.type === "number" && typeof v === "number") return v.toLocaleString(locale === "ja" ? "ja-JP" : "en-GB");
      return String(v);
    },
  }));
}
