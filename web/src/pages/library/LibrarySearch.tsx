import { useState } from "react";
import { libraryApi } from "../../api/endpoints.ts";
import type { FrameworkMeta } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { Pager } from "../../components/Pager.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { distinctTitle, plainText } from "../../i18n/text.ts";
import { Link, navigate, useSearch } from "../../router/router.tsx";
import { isOwn } from "./own-frameworks.ts";
import { nodePath } from "./vocabulary.ts";

interface Query {
  q: string;
  framework: string;
  limit: number;
  offset: number;
}

/** Search over requirement text in Japanese and English; the terms live in the URL so Back returns to them. */
export function LibrarySearch({ frameworks }: { frameworks: FrameworkMeta[] }) {
  const { t, lang } = useI18n();
  const search = useSearch();
  const [query, setQuery] = useState<Query>(() => ({ q: search.get("q") ?? "", framework: search.get("framework") ?? "", limit: 25, offset: 0 }));
  const set = (patch: Partial<Query>) => {
    const next = { ...query, offset: 0, ...patch };
    setQuery(next);
    const params = new URLSearchParams();
    if (next.q) params.set("q", next.q);
    if (next.framework) params.set("framework", next.framework);
    const qs = params.toString();
    navigate(qs ? `/library?${qs}` : "/library", { replace: true });
  };
  const sorted = [...frameworks].sort((a, b) => plainText(a.shortName ?? a.name, lang).localeCompare(plainText(b.shortName ?? b.name, lang), lang));

  return (
    <section className="library-search card" aria-label={t("library.search.label")}>
      <div className="toolbar">
        <SearchBox value={query.q} label={t("library.search.placeholder")} onSearch={(q) => set({ q })} />
        <select className="input" aria-label={t("library.search.framework")} value={query.framework} onChange={(e) => set({ framework: e.target.value })}>
          <option value="">{t("library.search.allFrameworks")}</option>
          {sorted.map((fw) => (
            <option key={fw.framework} value={fw.framework}>
              {isOwn(fw) ? t("libraryOwn.option", { name: plainText(fw.shortName ?? fw.name, lang) }) : plainText(fw.shortName ?? fw.name, lang)}
            </option>
          ))}
        </select>
      </div>
      <p className="library-search__hint">{t("library.search.hint")}</p>
      {query.q && <SearchResults query={query} onPage={(p) => setQuery((q) => ({ ...q, ...p }))} />}
    </section>
  );
}

function SearchResults({ query, onPage }: { query: Query; onPage(p: { limit: number; offset: number }): void }) {
  const { t, lang, errorMessage } = useI18n();
  const list = usePagedList(libraryApi.search, { ...query, framework: query.framework || undefined });
  const items = list.page?.items ?? [];
  return (
    <div className="search-results" aria-busy={list.loading} data-testid="library-search-results">
      {list.error !== undefined && (
        <p className="field__error" role="alert">
          {errorMessage(list.error)}
        </p>
      )}
      {list.loading && !list.page && (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> {t("common.loading")}
        </p>
      )}
      {list.page && items.length === 0 && <p className="muted">{t("library.search.none", { q: query.q })}</p>}
      <ol className="search-results__list">
        {items.map((hit) => (
          <li key={hit.urn} className="search-hit">
            <div className="search-hit__head">
              <span className="framework-badge">
                <LocalText text={hit.frameworkName} mark="none" />
              </span>
              <Link to={nodePath(hit.urn)} className="search-hit__link">
                <LocalText text={hit.label} mark="none" />
                {distinctTitle(hit.label, hit.title, lang) && (
                  <>
                    {" "}
                    <LocalText text={hit.title} mark="compact" className="search-hit__title" />
                  </>
                )}
              </Link>
              {hit.requirement && <span className="req-badge">{t("library.requirement")}</span>}
            </div>
            <p className="search-hit__snippet">{hit.snippet}</p>
          </li>
        ))}
      </ol>
      {list.page && list.page.total > 0 && <Pager total={list.page.total} limit={query.limit} offset={query.offset} onChange={onPage} />}
    </div>
  );
}
