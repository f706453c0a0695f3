import { z } from "zod";
import { fieldForHeader, IMPORT_FIELDS, LIST_FIELDS, normalizeHeader, type ImportField } from "./import.headers.ts";

/** What a header is compared with to suggest one of the organisation's own fields: its key and labels. */
export interface CustomFieldWords {
  key: string;
  labelJa: string;
  labelEn: string;
}

export { fieldForHeader, headerScore, IMPORT_FIELDS, LIST_FIELDS, normalizeHeader, type ImportField } from "./import.headers.ts";

/**
 * Which column feeds which field; `column` is the header text exactly as `Table.headers` has it.
 * `values` translates the file's own words (compared trimmed, ignoring case and width) into what
 * Musubi takes, for a list field item by item; a value translated to "" counts as absent.
 * `split` says how a list cell is cut into items: a separator, or `null` for never (each cell is
 * one item); absent, the field's own rule ({@link parseList}).
 */
/** A field Musubi has, or one of the organisation's own fields as `custom.<key>`. */
export const mappingField = z.union([z.enum(IMPORT_FIELDS), z.templateLiteral(["custom.", z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)])]);
export type MappingField = z.infer<typeof mappingField>;

export const mappingEntry = z.strictObject({
  column: z.string().min(1).max(300),
  field: mappingField,
  values: z.record(z.string().max(500), z.string().max(500)).refine((v) => Object.keys(v).length <= 1000, { message: "At most 1000 values can be translated per column" }).optional(),
  split: z.string().min(1).max(10).nullable().optional(),
});
export type MappingEntry = z.infer<typeof mappingEntry>;

export const importMapping = z
  .array(mappingEntry)
  .max(200)
  .superRefine((mapping, ctx) => {
    const seen = new Set<MappingField>();
    mapping.forEach((m, i) => {
      if (!LIST_FIELDS.has(m.field as ImportField) && seen.has(m.field)) {
        ctx.addIssue({ code: "custom", path: [i, "field"], message: `Only one column can feed ${m.field}` });
      }
      seen.add(m.field);
    });
  });
export type Mapping = z.infer<typeof importMapping>;

/**
 * A first mapping for the person to confirm: every header that names a known field, in column
 * order. A scalar field goes to its first column only; a list field takes every column naming it.
 * A column under a group heading ("Incident / Title", from a header of several rows) is also known
 * by its own last word.
 */
export function suggestMapping(headers: readonly string[], custom: readonly CustomFieldWords[] = []): Mapping {
  const mapping: Mapping = [];
  const taken = new Set<MappingField>();
  const customByWord = new Map<string, MappingField>();
  for (const f of custom) for (const w of [f.key, `custom.${f.key}`, f.labelJa, f.labelEn]) customByWord.set(normalizeHeader(w), `custom.${f.key}`);
  for (const column of headers) {
    const field: MappingField | undefined = customByWord.get(normalizeHeader(column)) ?? fieldForHeader(column) ?? (column.includes(" / ") ? fieldForHeader(column.split(" / ").at(-1)!) : undefined);
    if (field === undefined || (taken.has(field) && !LIST_FIELDS.has(field as ImportField))) continue;
    taken.add(field);
    mapping.push({ column, field });
  }
  return mapping;
}
