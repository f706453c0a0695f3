import { systemsApi, type SystemView } from "../../../api/systems.ts";
import { LoadState } from "../../../components/LoadState.tsx";
import { LocalText } from "../../../components/LocalText.tsx";
import { useResource } from "../../../hooks/useResource.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { PublishCard } from "../card/PublishCard.tsx";
import { annexCoverage, type CoverageRow, type CoverageState } from "../card/annex-coverage.ts";
import "../card/card.css";

const STATES: readonly CoverageState[] = ["recorded", "empty", "uncovered"];

/**
 * The system card: the document to open or download (and the CycloneDX BOM of its models and
 * data), and how far the card covers the EU AI Act's Annex IV — the start of a provider's
 * technical documentation, read by Musubi's own mapping, which the tab says.
 */
export function CardTab({ system }: { system: SystemView }) {
  const { t, lang, number } = useI18n();
  const res = useResource((signal) => systemsApi.card(system.id, signal), `${system.id}:${system.version}`);
  const coverage = res.data && annexCoverage(res.data.annexIV);
  const total = coverage ? STATES.reduce((n, s) => n + coverage.counts[s], 0) : 0;
  return (
    <div className="system-card-tab" data-testid="system-card-tab">
      <section className="card" aria-labelledby="card-doc-title">
        <h2 className="card__title" id="card-doc-title">
          {t("systems.card.title")}
        </h2>
        <p className="card__hint">{t("systems.card.explain")}</p>
        <div className="system-card-tab__links">
          <a className="button button--primary" href={systemsApi.cardHtmlHref(system.id)} target="_blank" rel="noopener" data-testid="system-card-html">
            {t("systems.card.open")}
          </a>
          <a className="button" href={systemsApi.cardJsonHref(system.id)} target="_blank" rel="noopener" data-testid="system-card-json">
            {t("systems.card.json")}
          </a>
          <a className="button" href={systemsApi.bomHref(system.id)} download data-testid="system-bom">
            {t("systems.card.bom")}
          </a>
        </div>
      </section>
      <PublishCard system={system} />
      <section className="card" aria-labelledby="card-annex-title" data-testid="annex-coverage">
        <h2 className="card__title" id="card-annex-title">
          {t("systems.card.annexTitle")}
        </h2>
        <LoadState loading={res.loading && !res.data} error={res.error} onRetry={res.reload} />
        {res.data && coverage && (
          <>
            <p className="musubi-editorial">{res.data.annexIV.note[lang]}</p>
            <div className="coverage-bar" role="img" aria-label={STATES.map((s) => `${t(`systems.card.state.${s}`)} ${number(coverage.counts[s])}`).join(lang === "ja" ? "、" : ", ")}>
              {STATES.map((s) =>
                coverage.counts[s] > 0 ? <span key={s} className={`coverage-bar__part coverage-bar__part--${s}`} style={{ flexGrow: coverage.counts[s] }} /> : null,
              )}
            </div>
            <ul className="coverage-legend">
              {STATES.map((s) => (
                <li key={s}>
                  <span className={`coverage-dot coverage-dot--${s}`} aria-hidden="true" /> {t(`systems.card.state.${s}`)}: {t("systems.card.countOf", { count: number(coverage.counts[s]), total: number(total) })}
                </li>
              ))}
            </ul>
            <ul className="coverage-list">
              {coverage.rows.map((row) => (
                <CoverageItem key={row.urn} row={row} />
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

function CoverageItem({ row }: { row: CoverageRow }) {
  const { t, lang } = useI18n();
  return (
    <li className={row.depth === 1 ? "coverage-item coverage-item--sub" : "coverage-item"} data-testid="annex-point">
      <span className="coverage-item__ref">
        <LocalText text={row.ref} mark="compact" />
        {row.title && (
          <>
            {" "}
            <LocalText text={row.title} mark="compact" />
          </>
        )}
      </span>
      {row.state && <span className={`tag coverage-tag coverage-tag--${row.state}`}>{t(`systems.card.state.${row.state}`)}</span>}
      {(row.text.ja || row.text.en) && (
        <details className="coverage-item__text">
          <summary>{t("systems.card.pointText")}</summary>
          <LocalText text={row.text} mark="none" />
        </details>
      )}
      {row.fields.length > 0 && <span className="coverage-item__fields muted">{row.fields.map((f) => f.label[lang]).join("・")}</span>}
    </li>
  );
}
