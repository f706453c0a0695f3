import { systemsApi, type ExportFormat, type SystemFilters } from "../../api/systems.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

const FORMATS: readonly ExportFormat[] = ["csv", "xlsx", "json"];

/** エクスポート: the inventory as CSV, Excel or JSON, narrowed by the filters in view. Plain download links. */
export function ExportMenu({ filters }: { filters: SystemFilters }) {
  const { t } = useI18n();
  return (
    <details className="menu" data-testid="export-menu">
      <summary className="button">{t("systems.export")}</summary>
      <ul className="menu__list">
        {FORMATS.map((format) => (
          <li key={format}>
            <a className="menu__item" href={systemsApi.exportHref(format, filters)} download data-testid={`export-${format}`}>
              {t(`systems.export.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
