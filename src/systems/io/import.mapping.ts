import { z } from "zod";
import { fieldForHeader, IMPORT_FIELDS, LIST_FIELDS, type ImportField } from "./import.headers.ts";

export { fieldForHeader, headerScore, IMPORT_FIELDS, LIST_FIELDS, normalizeHeader, type ImportField } from "./import.headers.ts";

/** Which column feeds which field; `column` is the header text exactly as `Table.headers` has it. */
export const importMapping = z
  .array(z.strictObject({ column: z.string().min(1).max(300), field: z.enum(IMPORT_FIELDS) }))
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
 */
export function suggestMapping(headers: readonly string[]): Mapping {
  const mapping: Mapping = [];
  const taken = new Set<ImportField>();
  for (const column of headers) {
    const field = fieldForHeader(column);
    if (field === undefined || (taken.has(field) && !LIST_FIELDS.has(field))) continue;
    taken.add(field);
    mapping.push({ column, field });
  }
  return mapping;
}
