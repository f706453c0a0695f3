import { useState } from "react";
import { referenceIncidentsApi } from "../../api/incidents.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { LoadState } from "../../components/LoadState.tsx";
import { PageNotice } from "../../components/Notice.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useTaxonomy } from "../risks/useRiskRefs.ts";
import { categoryGroups, categoryNames } from "./categories.ts";
import { ReferenceCase } from "./ReferenceCase.tsx";
import { ReferenceSources } from "./ReferenceSources.tsx";
import { AIID } from "./reference-case.ts";
import "./incidents.css";

interface Query {
  q: string;
  category: string;
  source: string;
  limit: number;
  offset: number;
}
const INITIAL: Query = { q: "", category: "", source: "", limit: 25, offset: 0 };

/**
 * Public AI incidents from every source this organisation sees — shared by the installation (the
 * AI Incident Database ships with Musubi) or imported by the organisation itself, for it alone —
 * searchable in Japanese or English: how failures like yours played out elsewhere. Shown under each
 * source's licence, with a note, when AIID cases are shown, that their parties' names are the
 * database's identifiers transcribed, not translations. Those who manage incidents import public
 * registers here and remove the organisation's own sources.
 */
export function ReferenceIncidentsPage() {
  const { t, lang, number } = useI18n();
  const manage = useSignedIn().can("incidents.manage");
  const [notice, setNotice] = useState<NoticeMessage>();
  const taxonomy = useTaxonomy();
  const [query, setQuery] = useState<Query>(INITIAL);
  const key = JSON.stringify(query);
  const list = useResource(
    (signal) => referenceIncidentsApi.list({ q: query.q || undefined, category: query.category || undefined, source: query.source || undefined, limit: query.limit, offset: query.offset }, signal),
    key,
  );
  const set = (patch: Partial<Query>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));
  const names = categoryNames(taxonomy, lang);
  const filtered = Boolean(query.q || query.category || query.source);
  const page = list.data;

  return (
    <div data-testid="page-reference-incidents">
      <Breadcrumb label={t("incidents.breadcrumb")} parent={{ to: "/incidents", label: t("nav.incidents") }} current={t("incidents.reference.title")} />
      <PageHeader
        title={t("incidents.reference.title")}
        subtitle={t("incidents.reference.subtitle")}
        actions={
          manage && (
            <Link to="/incidents/reference/import" className="button" data-testid="reference-import">
              {t("referenceImports.open")}
            </Link>
          )
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="reference-notice" />
      <div className="toolbar">
        <SearchBox value={query.q} label={t("incidents.reference.search")} onSearch={(q) => set({ q })} />
        <select className="input" aria-label={t("incidents.reference.category")} value={query.category} onChange={(e) => set({ category: e.target.value })} data-testid="reference-category">
          <option value="">{t("incidents.reference.allCategories")}</option>
          {taxonomy &&
            categoryGroups(taxonomy, lang).map((g) => (
              <optgroup key={g.id} label={g.name}>
                {g.options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.code ? `${o.code} ${o.name}` : o.name}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
        {page && page.sources.length > 1 && (
          <select className="input" aria-label={t("incidents.reference.sourceFilter")} value={query.source} onChange={(e) => set({ source: e.target.value })} data-testid="reference-source">
            <option value="">{t("incidents.reference.allSources")}</option>
            {page.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {t("incidents.reference.sourceOption", { name: s.name, cases: number(s.cases) })}
              </option>
            ))}
          </select>
        )}
      </div>
      {page && (
        <ReferenceSources
          sources={page.sources}
          manage={manage}
          onDeleted={(deleted) => {
            setNotice({ kind: "success", text: (i) => i.t("incidents.reference.sources.deleted", { name: deleted.name }) });
            // A filter on the removed source would match nothing: it goes with it.
            if (query.source === deleted.id) set({ source: "" });
            else list.reload();
          }}
        />
      )}
      {page && <p className="reference-licence muted" data-testid="reference-licence">{t("incidents.reference.licence", { licence: page.licence })}</p>}
      {page && page.items.some((i) => i.source === AIID) && (
        <p className="reference-licence muted" data-testid="reference-entity-note">
          {t("incidents.reference.entityNote")}
        </p>
      )}
      {!page || list.error !== undefined ? (
        <LoadState loading={list.loading} error={list.error} onRetry={list.reload} />
      ) : page.items.length === 0 ? (
        <div className="table-state" data-testid="reference-empty">
          {filtered ? (
            <>
              <p>{t("common.noMatches")}</p>
              <button type="button" className="button button--small" onClick={() => setQuery({ ...INITIAL, limit: query.limit })}>
                {t("common.clearFilters")}
              </button>
            </>
          ) : (
            <>
              <p>{t("incidents.reference.empty")}</p>
              <p className="muted">
                {t("incidents.reference.emptyHint")} <code>{t("incidents.reference.importCommand")}</code>
              </p>
              {manage && <p className="muted">{t("incidents.reference.emptyImportHint")}</p>}
            </>
          )}
        </div>
      ) : (
        <ol className="stack-list reference-list" aria-busy={list.loading} data-testid="reference-list">
          {page.items.map((item) => (
            <ReferenceCase key={item.id} item={item} names={names} />
          ))}
        </ol>
      )}
      {page && page.items.length > 0 && <Pager total={page.total} limit={query.limit} offset={query.offset} onChange={(p) => setQuery((q) => ({ ...q, ...p }))} />}
    </div>
  );
}
