import { useId } from "react";
import { systemsApi, type ExportFormat, type SystemFilters } from "../../api/systems.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

type Audience = "people" | "machine";

/** Layout of a menu with groups, which systems.css does not style yet. */
const LIST = { minWidth: "20rem", maxWidth: "26rem" } as const;
const TITLE = { display: "block", padding: "6px 10px 2px" } as const;
const HINT = { padding: "0 10px 4px" } as const;
const LINKS = { listStyle: "none", margin: 0, padding: 0 } as const;

/** Files for reading open in Excel; JSON is only ever the import's shape, so it sits with re-import. */
const GROUPS: readonly { audience: Audience; formats: readonly ExportFormat[] }[] = [
  { audience: "people", formats: ["xlsx", "csv"] },
  { audience: "machine", formats: ["csv", "xlsx", "json"] },
];

/**
 * エクスポート: the inventory, narrowed by the filters in view, either for reading (labels in the UI
 * language, times in the organisation's zone) or for re-import into Musubi (field ids, raw
 * values). Each group says what its files hold, so nobody re-imports a file written for reading.
 */
export function ExportMenu({ filters }: { filters: SystemFilters }) {
  const { t, lang } = useI18n();
  const id = useId();
  return (
    <details className="menu" data-testid="export-menu">
      <summary className="button">{t("systems.export")}</summary>
      <ul className="menu__list" style={LIST}>
        {GROUPS.map(({ audience, formats }) => (
          <li key={audience} data-testid={`export-${audience}`}>
            <strong id={`${id}-${audience}`} style={TITLE}>
              {t(`exports.${audience}.title`)}
            </strong>
            <p id={`${id}-${audience}-hint`} className="field__hint" style={HINT}>
              {t(`exports.${audience}.hint`)}
            </p>
            <ul aria-labelledby={`${id}-${audience}`} style={LINKS}>
              {formats.map((format) => (
                <li key={format}>
                  <a
                    id={`${id}-${audience}-${format}`}
                    className="menu__item"
                    href={systemsApi.exportHref(format, filters, audience, lang)}
                    download
                    aria-labelledby={`${id}-${audience} ${id}-${audience}-${format}`}
                    aria-describedby={`${id}-${audience}-hint`}
                    data-testid={`export-${audience}-${format}`}
                  >
                    {t(`systems.export.${format}`)}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
