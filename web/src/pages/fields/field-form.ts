import type { FieldOption } from "../../api/fields.ts";

/** Options as the dialog edits them: blank rows (a row being added) are dropped, the rest trimmed. */
export function optionsToSave(rows: readonly FieldOption[]): FieldOption[] {
  return rows
    .map((o) => ({ value: o.value.trim(), labelJa: o.labelJa.trim(), labelEn: o.labelEn.trim() }))
    .filter((o) => o.value !== "" || o.labelJa !== "" || o.labelEn !== "")
    .map((o) => ({ value: o.value || o.labelEn || o.labelJa, labelJa: o.labelJa || o.labelEn || o.value, labelEn: o.labelEn || o.labelJa || o.value }));
}

/** A key suggested from an English label ("Legal basis" → legal_basis), for the person to keep or change. */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  return key;
}
