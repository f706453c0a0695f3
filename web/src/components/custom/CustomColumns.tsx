import type { CustomValues, FieldView } from "../../api/fields.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { fieldLabel, valueText } from "./custom-values.ts";

/** The fields a list shows as columns: current ones marked "show in list". */
export function listedFields(fields: readonly FieldView[]): FieldView[] {
  return fields.filter((f) => f.inList && !f.archived);
}

/** Column headers for the organisation's listed fields, after a list's own. */
export function CustomHeaders({ fields }: { fields: readonly FieldView[] }) {
  const { lang } = useI18n();
  return (
    <>
      {fields.map((f) => (
        <th key={f.key} scope="col" className={f.type === "number" ? "table__numeric" : undefined}>
          {fieldLabel(f, lang)}
        </th>
      ))}
    </>
  );
}

/** One record's cells for the listed fields: choices by label, people by name, dates and numbers in the reader's language. */
export function CustomCells({ fields, values, personName }: { fields: readonly FieldView[]; values: CustomValues | undefined; personName(id: string): string | undefined }) {
  const { lang, number, day } = useI18n();
  return (
    <>
      {fields.map((f) => {
        const v = values?.[f.key];
        const text = f.type === "date" && typeof v === "string" ? day(v) : valueText(f, v, lang, personName, number);
        return (
          <td key={f.key} className={f.type === "number" ? "table__numeric" : f.type === "date" ? "table__nowrap" : undefined} data-testid={`custom-cell-${f.key}`}>
            {text}
          </td>
        );
      })}
    </>
  );
}
