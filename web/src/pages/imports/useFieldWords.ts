import type { FieldView } from "../../api/fields.ts";
import { fieldLabel } from "../../components/custom/custom-values.ts";
import { useCustomFields } from "../../hooks/useCustomFields.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ImportTarget } from "./import-targets.ts";

/** A mapping's target for one of the organisation's own fields. */
export const CUSTOM_PREFIX = "custom.";

export function customKeyOf(field: string): string | undefined {
  return field.startsWith(CUSTOM_PREFIX) ? field.slice(CUSTOM_PREFIX.length) : undefined;
}

/**
 * The words for what a column can feed: the target's fields by their names, the organisation's own
 * fields (`custom.<key>`, where the target takes them) by their labels; with the fields themselves,
 * reloaded when `reload` moves.
 */
export function useFieldWords(target: Pick<ImportTarget, "fieldPrefix" | "offers">, reload = 0): { custom: FieldView[]; name(field: string): string; def(field: string): FieldView | undefined } {
  const { label, lang } = useI18n();
  const custom = useCustomFields("system", { archived: true, reload, enabled: target.offers.customFields });
  const def = (field: string) => {
    const key = customKeyOf(field);
    return key === undefined ? undefined : custom.find((f) => f.key === key);
  };
  return {
    custom,
    def,
    name: (field) => {
      const key = customKeyOf(field);
      if (key === undefined || !target.offers.customFields) return label(target.fieldPrefix, field);
      const d = def(field);
      return d ? fieldLabel(d, lang) : key;
    },
  };
}
