import { useState } from "react";
import { systemsApi, type SystemView } from "../../api/systems.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { LoadState } from "../../components/LoadState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, navigate, useSearch, type RouteParams } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { EuClassBadge, LifecycleBadge } from "./Badges.tsx";
import { SYSTEM_TABS, systemName, systemPath, type SystemTab } from "./names.ts";
import { AssessmentsTab } from "./tabs/AssessmentsTab.tsx";
import { CardTab } from "./tabs/CardTab.tsx";
import { HistoryTab } from "./tabs/HistoryTab.tsx";
import { OverviewTab } from "./tabs/OverviewTab.tsx";
import { ProfileTab } from "./tabs/ProfileTab.tsx";
import { RelatedTab } from "./tabs/RelatedTab.tsx";
import { RequirementsTab } from "./tabs/RequirementsTab.tsx";
import "./systems.css";

/** Whether the caller may change this system: managers any, editors the systems they own (as the server decides). */
export function useCanEdit(system: SystemView | undefined): boolean {
  const { session, can } = useSignedIn();
  if (!system) return false;
  if (can("systems.manage")) return true;
  const me = session.user.id;
  return can("systems.edit") && (system.businessOwner?.id === me || system.technicalOwner?.id === me);
}

/** One AI system: overview, profile, what applies, its assessments, its risks, incidents, tasks and vendors, and its history, as tabs. */
export function SystemPage({ params }: { params: RouteParams }) {
  const { t, lang } = useI18n();
  const { can } = useSignedIn();
  const id = params.id ?? "";
  const search = useSearch();
  const asked = search.get("tab") as SystemTab | null;
  const tab: SystemTab = asked && SYSTEM_TABS.includes(asked) ? asked : "overview";
  const res = useResource((signal) => systemsApi.get(id, signal), id);
  const system = res.data;
  const canEdit = useCanEdit(system);
  const [deleting, setDeleting] = useState(false);
  const replace = (next: SystemView) => res.update(() => next);

  return (
    <div className="system-page" data-testid="page-system">
      <nav className="breadcrumb" aria-label={t("systems.breadcrumb")}>
        <Link to="/systems">{t("nav.systems")}</Link>
      </nav>
      <LoadState loading={res.loading && !system} error={res.error} onRetry={res.reload} notFoundPage />
      {system && (
        <>
          <header className="page-header system-page__header">
            <div>
              <p className="page-header__eyebrow">
                <code className="system-page__code">{system.code}</code>
                <LifecycleBadge value={system.lifecycle} />
              </p>
              <h1 className="page-header__title" data-testid="system-title">
                {systemName(system, lang)}
              </h1>
              <p className="page-header__subtitle" lang={lang === "ja" ? "en" : "ja"}>
                {systemName(system, lang === "ja" ? "en" : "ja")}
              </p>
            </div>
            <div className="system-page__class">
              <span className="system-page__class-label">{t("systems.col.euClass")}</span>
              <EuClassBadge value={system.euClass} from={system.euClassFrom} large />
              {can("systems.manage") && (
                <button type="button" className="button button--small button--danger-outline" onClick={() => setDeleting(true)}>
                  {t("systems.delete")}
                </button>
              )}
            </div>
          </header>
          <div className="tabs" role="tablist" aria-label={t("systems.tabs")}>
            {SYSTEM_TABS.map((name) => (
              <Link
                key={name}
                to={systemPath(system.id, name)}
                role="tab"
                aria-selected={tab === name}
                className={tab === name ? "tabs__tab tabs__tab--active" : "tabs__tab"}
                data-testid={`tab-${name}`}
              >
                {t(`systems.tab.${name}`)}
              </Link>
            ))}
          </div>
          <div className="tab-panel" role="tabpanel" aria-label={t(`systems.tab.${tab}`)}>
            {tab === "overview" && <OverviewTab system={system} canEdit={canEdit} onChange={replace} />}
            {tab === "profile" && <ProfileTab system={system} canEdit={canEdit} onSaved={replace} />}
            {tab === "requirements" && <RequirementsTab system={system} />}
            {tab === "assessments" && <AssessmentsTab system={system} selected={search.get("assessment") ?? undefined} />}
            {tab === "related" && <RelatedTab system={system} />}
            {tab === "card" && <CardTab system={system} />}
            {tab === "history" && <HistoryTab system={system} />}
          </div>
        </>
      )}
      {deleting && system && (
        <ConfirmDialog
          title={t("systems.delete")}
          message={t("systems.confirmDelete", { name: systemName(system, lang), code: system.code })}
          confirmLabel={t("systems.delete")}
          danger
          onConfirm={async () => {
            await systemsApi.remove(system.id);
            navigate("/systems");
          }}
          onClose={() => setDeleting(false)}
        />
      )}
    </div>
  );
}
