import type { CustomInput, CustomValue, CustomValues, FieldOption, FieldView } from "../../api/fields.ts";
import type { Locale } from "../../api/types.ts";

/** A form's draft of custom values: text as typed (numbers too), several choices as a list. */
export type CustomDraft = Record<string, string | string[]>;

/** The draft a form starts from: the record's values, numbers as text. */
export function draftOf(fields: readonly FieldView[], values: CustomValues | undefined): CustomDraft {
  const draft: CustomDraft = {};
  for (const f of fields) {
    const v = values?.[f.key];
    if (v === undefined) continue;
    draft[f.key] = Array.isArray(v) ? [...v] : String(v);
  }
  return draft;
}

/**
 * What a save sends for the form's fields: every value that differs from the record's, `null`
 * for one emptied. A number is sent as a number when it reads as one, else as typed (the server
 * then says what is wrong with it). Nothing when nothing changed.
 */
export function customInputOf(fields: readonly FieldView[], draft: CustomDraft, before: CustomValues = {}): CustomInput | undefined {
  const out: CustomInput = {};
  for (const f of fields) {
    const d = draft[f.key];
    let next: CustomValue | null;
    if (d === undefined || (typeof d === "string" && d.trim() === "") || (Array.isArray(d) && d.length === 0)) next = null;
    else if (f.type === "number" && typeof d === "string") {
      const n = Number(d.normalize("NFKC").replace(/[,\s]/g, ""));
      next = Number.isFinite(n) ? n : d;
    } else next = typeof d === "string" ? d.trim() : d;
    const was = before[f.key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(next)) out[f.key] = next;
  }
  return Object.keys(out).length ? out : undefined;
}

export function fieldLabel(f: Pick<FieldView, "labelJa" | "labelEn">, lang: Locale): string {
  return lang === "ja" ? f.labelJa : f.labelEn;
}

export function optionLabel(options: readonly FieldOption[], value: string, lang: Locale): string {
  const o = options.find((x) => x.value === value);
  return o ? (lang === "ja" ? o.labelJa : o.labelEn) : value;
}

/** A value in words: choices by their labels, a person by name, a number in the reader's digits. */
export function valueText(f: FieldView, v: CustomValue | undefined, lang: Locale, personName: (id: string) => string | undefined, number: (n: number) => string): string {
  if (v === undefined) return "";
  if (Array.isArray(v)) return v.map((x) => optionLabel(f.options, x, lang)).join(lang === "ja" ? "、" : ", ");
  if (f.type === "choice") return optionLabel(f.options, String(v), lang);
  if (f.type === "person") return personName(String(v)) ?? "";
  if (typeof v === "number") return number(v);
  return v;
}
