import { useState } from "react";
import type { RequirementRef } from "../../api/compliance.ts";
import { libraryApi } from "../../api/endpoints.ts";
import type { LibrarySearchHit } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { distinctTitle } from "../../i18n/text.ts";

const PAGE = 8;

interface RequirementResultsProps {
  q: string;
  framework: string;
  chosen: ReadonlySet<string>;
  onAdd(ref: RequirementRef): void;
}

const refOf = (hit: LibrarySearchHit): RequirementRef => ({
  urn: hit.urn,
  framework: hit.framework,
  frameworkName: hit.frameworkName,
  version: hit.version,
  id: hit.id,
  label: hit.label,
  ...(hit.title && { title: hit.title }),
});

/** Library search hits with an add button on each requirement (headings and sections cannot be mapped). */
export function RequirementResults({ q, framework, chosen, onAdd }: RequirementResultsProps) {
  const { t, lang, number, errorMessage } = useI18n();
  const [offset, setOffset] = useState(0);
  const list = usePagedList(libraryApi.search, { q, framework: framework || undefined, limit: PAGE, offset });
  const page = list.page;
  return (
    <div className="req-results" aria-busy={list.loading} data-testid="requirement-results">
      {list.error !== undefined && <p className="field__error">{errorMessage(list.error)}</p>}
      {page && page.items.length === 0 && <p className="muted">{t("library.search.none", { q })}</p>}
      <ul className="req-results__list">
        {page?.items.map((hit) => {
          const added = chosen.has(hit.urn);
          return (
            <li key={hit.urn} className="req-results__hit" data-urn={hit.urn}>
              <div className="req-results__text">
                <span className="framework-badge">
                  <LocalText text={hit.frameworkName} mark="none" />
                </span>
                <strong>
                  <LocalText text={hit.label} mark="none" />
                </strong>
                {distinctTitle(hit.label, hit.title, lang) && (
                  <>
                    {" "}
                    <LocalText text={hit.title} mark="compact" className="muted" />
                  </>
                )}
                <p className="req-results__snippet">{hit.snippet}</p>
              </div>
              {hit.requirement ? (
                <button type="button" className="button button--small" disabled={added} onClick={() => onAdd(refOf(hit))} data-testid="add-requirement">
                  {added ? t("controls.picker.added") : t("controls.picker.add")}
                </button>
              ) : (
                <span className="muted req-results__not">{t("controls.picker.notRequirement")}</span>
              )}
            </li>
          );
        })}
      </ul>
      {page && page.total > PAGE && (
        <div className="req-results__pager">
          <span className="muted">{t("pager.range", { from: number(offset + 1), to: number(Math.min(offset + PAGE, page.total)), total: number(page.total) })}</span>
          <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t("pager.previous")}
          </button>
          <button type="button" className="button button--small" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
            {t("pager.next")}
          </button>
        </div>
      )}
    </div>
  );
}
