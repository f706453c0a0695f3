import { z } from "zod";
import { fieldForHeader, IMPORT_FIELDS, LIST_FIELDS, type ImportField } from "./import.headers.ts";

export { fieldForHeader, headerScore, IMPORT_FIELDS, LIST_FIELDS, normalizeHeader, type ImportField } from "./import.headers.ts";

/**
 * Which column feeds which field; `column` is the header text exactly as `Table.headers` has it.
 * `values` translates the file's own words (compared trimmed, ignoring case and width) into what
 * Musubi takes, for a list field item by item; a value translated to "" counts as absent.
 * `split` says how a list cell is cut into items: a separator, or `null` for never (each cell is
 * one item); absent, the field's own rule ({@link parseList}).
 */
export const mappingEntry = z.strictObject({
  column: z.string().min(1).max(300),
  field: z.enum(IMPORT_FIELDS),
  values: z.record(z.string().max(500), z.string().max(500)).refine((v) => Object.keys(v).length <= 1000, { message: "At most 1000 values can be translated per column" }).optional(),
  split: z.string().min(1).max(10).nullable().optional(),
});
export type MappingEntry = z.infer<typeof mappingEntry>;

export const importMapping = z
  .array(mappingEntry)
  .max(200)
  .superRefine((mapping, ctx) => {
    const seen = new Set<ImportField>();
    mapping.forEach((m, i) => {
      if (!LIST_FIELDS.has(m.field) && seen.has(m.field)) {
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
export function suggestMapping(headers: readonly string[]): Mapping {
  const mapping: Mapping = [];
  const taken = new Set<ImportField>();
  for (const column of headers) {
    const field = fieldForHeader(column) ?? (column.includes(" / ") ? fieldForHeader(column.split(" / ").at(-1)!) : undefined);
    if (field === undefined || (taken.has(field) && !LIST_FIELDS.has(field))) continue;
    taken.add(field);
    mapping.push({ column, field });
  }
  return mapping;
}
