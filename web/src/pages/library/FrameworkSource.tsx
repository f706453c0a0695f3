import { Fragment } from "react";
import type { FrameworkMeta, LicenceInfo } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { scriptLang } from "../../i18n/text.ts";
import { namingOf } from "./framework-naming.ts";

/**
 * Where a framework's text comes from, as a reader cites it: the source's title (linked), its
 * publisher, its reference (law number, regulation, publication number) and the licences. The files
 * it was derived from, with their hashes, are kept for technical users behind a labelled disclosure.
 */
export function FrameworkSource({ framework }: { framework: FrameworkMeta }) {
  const { t, number } = useI18n();
  const { source } = namingOf(framework);
  return (
    <section className="card" aria-labelledby="fw-source" data-testid="framework-source">
      <h2 id="fw-source" className="card__title">
        {t("library.source")}
      </h2>
      <dl className="facts">
        <dt>{t("library.sourceInfo.title")}</dt>
        <dd className="source-title">
          {source.url ? (
            <a href={source.url} target="_blank" rel="noreferrer noopener">
              <LocalText text={source.title} />
            </a>
          ) : (
            <LocalText text={source.title} />
          )}
        </dd>
        {source.publisher && source.publisher.length > 0 && (
          <>
            <dt>{t("library.sourceInfo.publisher")}</dt>
            <dd data-testid="source-publisher">
              {source.publisher.map((p, i) => (
                <div key={i}>
                  <LocalText text={p} mark="compact" />
                </div>
              ))}
            </dd>
          </>
        )}
        {source.reference && (
          <>
            <dt>{t("library.sourceInfo.reference")}</dt>
            <dd data-testid="source-reference">
              <LocalText text={source.reference} mark="compact" />
            </dd>
          </>
        )}
      </dl>
      <h3 className="card__subtitle">{t("library.licence")}</h3>
      <LicenceList licences={framework.licence} />
      <details className="source-details" data-testid="source-files">
        <summary>{t("library.sourceFiles.summary", { count: number(source.files.length) })}</summary>
        <p className="source-details__hint">{t("library.sourceFiles.hint")}</p>
        <ul className="source-files">
          {source.files.map((f) => (
            <li key={f.path}>
              <code className="source-files__path">{f.path}</code>
              {f.note && (
                <span className="source-files__note" lang="en">
                  {f.note}
                </span>
              )}
              {f.upstream && (
                <span className="source-files__note" lang="en">
                  {t("library.sourceFiles.upstream", { upstream: f.upstream })}
                </span>
              )}
              {f.sha256 && (
                <span className="source-files__hash" title={f.sha256}>
                  {t("library.sha256", { hash: f.sha256.slice(0, 12) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** Each licence with what it covers, its attribution and a link. */
export function LicenceList({ licences }: { licences: LicenceInfo[] }) {
  const { t } = useI18n();
  return (
    <ul className="licence-list">
      {licences.map((l, i) => (
        <li key={i}>
          <span className="tag tag--neutral licence-list__scope">{t(`library.licenceScope.${l.appliesTo}`)}</span>
          {l.url ? (
            <a href={l.url} target="_blank" rel="noreferrer noopener" lang={scriptLang(l.name)}>
              {l.name}
            </a>
          ) : (
            <span lang={scriptLang(l.name)}>{l.name}</span>
          )}
          <span className="licence-list__attribution">
            {/* An attribution may name the holder in both languages ("当社 / The company"): each part is marked as what it is. */}
            {l.attribution.split(" / ").map((part, j) => (
              <Fragment key={j}>
                {j > 0 && " / "}
                <span lang={scriptLang(part)}>{part}</span>
              </Fragment>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
