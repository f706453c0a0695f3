import { useState } from "react";
import { referenceIncidentsApi, type ReferenceSource } from "../../api/incidents.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

interface ReferenceSourcesProps {
  sources: ReferenceSource[];
  /** Whether the person may remove the organisation's own sources (incidents.manage). */
  manage: boolean;
  onDeleted(source: ReferenceSource): void;
}

/**
 * The sources the reference cases come from, each marked as shared by the whole installation or
 * imported by this organisation (seen by it alone), with its licence; the organisation's own can
 * be removed with their cases. A shared source is the operator's, so it offers no removal here.
 */
export function ReferenceSources({ sources, manage, onDeleted }: ReferenceSourcesProps) {
  const { t, number, dateTime } = useI18n();
  const [deleting, setDeleting] = useState<ReferenceSource>();
  if (sources.length === 0) return null;
  return (
    <section className="reference-sources" aria-labelledby="reference-sources-title" data-testid="reference-sources">
      <h2 className="card__subtitle" id="reference-sources-title">
        {t("incidents.reference.sources.title")}
      </h2>
      <ul className="reference-sources__list">
        {sources.map((s) => {
          const scope = s.own ? "own" : "shared";
          return (
            <li key={s.id} className="reference-sources__item" data-testid="reference-source-item" data-scope={scope}>
              <span className="reference-sources__name">
                {s.url ? (
                  <a href={s.url} target="_blank" rel="noreferrer">
                    {s.name}
                  </a>
                ) : (
                  s.name
                )}
              </span>
              <span className={`tag reference-sources__scope reference-sources__scope--${scope}`}>{t(`incidents.reference.sources.${scope}`)}</span>
              <span className="muted reference-sources__facts">{t("incidents.reference.sources.facts", { licence: s.licence, cases: number(s.cases), date: dateTime(s.importedAt, "date") })}</span>
              {manage && s.own && (
                <button type="button" className="button button--small button--danger-outline" onClick={() => setDeleting(s)} aria-label={t("incidents.reference.sources.deleteFor", { name: s.name })} data-testid="reference-source-delete">
                  {t("common.delete")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {deleting && (
        <ConfirmDialog
          title={t("incidents.reference.sources.deleteTitle")}
          message={t("incidents.reference.sources.confirmDelete", { name: deleting.name, cases: number(deleting.cases) })}
          confirmLabel={t("common.delete")}
          danger
          onConfirm={async () => {
            await referenceIncidentsApi.deleteSource(deleting.id);
            onDeleted(deleting);
          }}
          onClose={() => setDeleting(undefined)}
        />
      )}
    </section>
  );
}
