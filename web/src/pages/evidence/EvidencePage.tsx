import { useState } from "react";
import { EVIDENCE_KINDS, EVIDENCE_STATUSES, evidenceApi, type EvidenceKind, type EvidenceStatus } from "../../api/compliance.ts";
import { Notice } from "../../components/Notice.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { EVIDENCE_STATUS_LABELS } from "../../components/status-tones.ts";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSearch } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { EvidenceDialog } from "./EvidenceDialog.tsx";
import { EvidenceTable } from "./EvidenceTable.tsx";
import "./evidence.css";

interface Query {
  limit: number;
  offset: number;
  sort: string;
  q: string;
  kind: EvidenceKind | "";
  status: EvidenceStatus | "";
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | "" => (value && (values as readonly string[]).includes(value) ? (value as T) : "");

/** Every piece of evidence: files with their SHA-256, links and notes, and whether each is still valid. */
export function EvidencePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useSignedIn();
  const manage = can("evidence.manage");
  const search = useSearch();
  // The dashboard links here with ?status=expiring (or expired) and ?q=<title>.
  const [query, setQuery] = useState<Query>(() => ({
    limit: 25,
    offset: 0,
    sort: "-createdAt",
    q: search.get("q") ?? "",
    kind: oneOf(EVIDENCE_KINDS, search.get("kind")),
    status: oneOf(EVIDENCE_STATUSES, search.get("status")),
  }));
  const list = usePagedList(evidenceApi.list, { ...query, kind: query.kind || undefined, status: query.status || undefined });
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage>();
  const set = (patch: Partial<Query>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));

  return (
    <div data-testid="page-evidence">
      <PageHeader
        title={t("evidence.title")}
        subtitle={t("evidence.subtitle")}
        actions={
          manage && (
            <button type="button" className="button button--primary" onClick={() => setAdding(true)} data-testid="add-evidence">
              {t("evidence.add")}
            </button>
          )
        }
      />
      {notice && (
        <Notice kind={notice.kind} onDismiss={() => setNotice(undefined)}>
          {notice.text(i18n)}
        </Notice>
      )}
      <div className="toolbar">
        <SearchBox value={query.q} label={t("evidence.search")} onSearch={(q) => set({ q })} />
        <select className="input" aria-label={t("evidence.filter.kind")} value={query.kind} onChange={(e) => set({ kind: e.target.value as EvidenceKind | "" })}>
          <option value="">{t("evidence.filter.allKinds")}</option>
          {EVIDENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`evidence.kind.${k}`)}
            </option>
          ))}
        </select>
        <select className="input" aria-label={t("evidence.filter.status")} value={query.status} onChange={(e) => set({ status: e.target.value as EvidenceStatus | "" })} data-testid="evidence-status-filter">
          <option value="">{t("evidence.filter.allStatuses")}</option>
          {EVIDENCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(EVIDENCE_STATUS_LABELS[s])}
            </option>
          ))}
        </select>
      </div>
      <EvidenceTable
        list={list}
        manage={manage}
        filtered={Boolean(query.q || query.kind || query.status)}
        emptyMessage={t("evidence.empty")}
        sort={{ value: query.sort, onSort: (sort) => set({ sort }) }}
        onClearFilters={() => set({ q: "", kind: "", status: "" })}
      />
      {list.page && <Pager total={list.page.total} limit={query.limit} offset={query.offset} onChange={(p) => setQuery((q) => ({ ...q, ...p }))} />}
      {adding && (
        <EvidenceDialog
          onClose={() => setAdding(false)}
          onCreated={(created) => {
            list.reload();
            setNotice({ kind: "success", text: (i) => i.t("evidence.created", { title: created.title }) });
          }}
        />
      )}
    </div>
  );
}
