import { HOSTINGS, type ComponentEntry, type DatasetEntry, type ModelEntry } from "../../../api/systems.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { EntryTable, type EntryColumn } from "./EntryTable.tsx";
import type { SystemDraft } from "./form-model.ts";

const BLANK_MODEL: ModelEntry = { name: "" };
const BLANK_DATASET: DatasetEntry = { name: "", personalData: false, sensitiveData: false };
const BLANK_COMPONENT: ComponentEntry = { name: "" };

/** The server's messages about one list (`models.0.name` → `0.name`). */
function nested(errors: Record<string, string>, field: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(`${field}.`)) out[k.slice(field.length + 1)] = v;
  return out;
}

/** The editable tables of models, datasets and third-party components. */
export function EntrySections({ draft, onChange, errors }: { draft: SystemDraft; onChange(d: SystemDraft): void; errors: Record<string, string> }) {
  const { t } = useI18n();
  const models: EntryColumn[] = [
    { key: "name", label: t("systems.model.name"), kind: "text", required: true },
    { key: "provider", label: t("systems.model.provider"), kind: "text" },
    { key: "version", label: t("systems.model.version"), kind: "text" },
    { key: "licence", label: t("systems.model.licence"), kind: "text" },
    { key: "hosting", label: t("systems.model.hosting"), kind: "select", options: HOSTINGS.map((h) => ({ value: h, label: t(`systems.hosting.${h}`) })) },
  ];
  const datasets: EntryColumn[] = [
    { key: "name", label: t("systems.dataset.name"), kind: "text", required: true },
    { key: "source", label: t("systems.dataset.source"), kind: "text" },
    { key: "personalData", label: t("systems.dataset.personalData"), kind: "checkbox" },
    { key: "sensitiveData", label: t("systems.dataset.sensitiveData"), kind: "checkbox" },
    { key: "licence", label: t("systems.dataset.licence"), kind: "text" },
  ];
  const components: EntryColumn[] = [
    { key: "name", label: t("systems.component.name"), kind: "text", required: true },
    { key: "version", label: t("systems.component.version"), kind: "text" },
    { key: "supplier", label: t("systems.component.supplier"), kind: "text" },
    { key: "licence", label: t("systems.component.licence"), kind: "text" },
  ];
  return (
    <section className="card form-section">
      <h2 className="card__title">{t("systems.form.technology")}</h2>
      <EntryTable
        title={t("systems.models")}
        columns={models}
        rows={draft.models}
        blank={BLANK_MODEL}
        onChange={(rows) => onChange({ ...draft, models: rows })}
        errors={nested(errors, "models")}
        testId="models-table"
      />
      <EntryTable
        title={t("systems.datasets")}
        columns={datasets}
        rows={draft.datasets}
        blank={BLANK_DATASET}
        onChange={(rows) => onChange({ ...draft, datasets: rows })}
        errors={nested(errors, "datasets")}
        testId="datasets-table"
      />
      <EntryTable
        title={t("systems.components")}
        columns={components}
        rows={draft.components}
        blank={BLANK_COMPONENT}
        onChange={(rows) => onChange({ ...draft, components: rows })}
        errors={nested(errors, "components")}
        testId="components-table"
      />
    </section>
  );
}
