import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { incidentsApi, OPEN_STATUSES, type IncidentView } from "../../api/incidents.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { RecordCustomFacts } from "../../components/custom/RecordCustomFacts.tsx";
import { RecordLoadState } from "../../components/LoadState.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { Notice, PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { RouteParams } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { ActionDialog } from "./ActionDialog.tsx";
import { CloseDialog } from "./CloseDialog.tsx";
import { canWorkIncident, closedByName, closingNote, formatWhen, similarTextOf } from "./incident-rules.ts";
import { IncidentActions } from "./IncidentActions.tsx";
import { AppiFlag } from "./IncidentBadges.tsx";
import { IncidentDialog } from "./IncidentDialog.tsx";
import { IncidentFacts } from "./IncidentFacts.tsx";
import { IncidentHarms } from "./IncidentHarms.tsx";
import { IncidentLinks } from "./IncidentLinks.tsx";
import { IncidentTimeline } from "./IncidentTimeline.tsx";
import { SendToAuthorityDialog } from "./SendToAuthorityDialog.tsx";
import { SimilarIncidents } from "./SimilarIncidents.tsx";
import { useApprovedAuthorities } from "./useAuthorities.ts";
import "./incidents.css";

type Open = "edit" | "action" | "close" | "send" | undefined;

/**
 * One incident, from filing to closure: the facts and harm, what it touched, the corrective and
 * preventive actions, the timeline, closing (once the actions are done), the report for regulators,
 * and similar incidents to learn from.
 */
export function IncidentPage({ params }: { params: RouteParams }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const { session, can } = useSignedIn();
  const id = params.id ?? "";
  const resource = useResource((signal) => incidentsApi.get(id, signal), id);
  const [open, setOpen] = useState<Open>();
  const [notice, setNotice] = useState<NoticeMessage>();
  const authorities = useApprovedAuthorities(can("exchange.submit"));
  const incident = resource.data;

  if (!incident) {
    return <RecordLoadState resource={resource} testId="page-incident" />;
  }

  const closed = incident.status === "closed";
  const mayWork = canWorkIncident(incident, session.user.id, { manage: can("incidents.manage"), report: can("incidents.report") });
  const work = mayWork && !closed;
  const replace = (next: IncidentView) => resource.update(() => next);

  const changeStatus = async (status: (typeof OPEN_STATUSES)[number]) => {
    setNotice(undefined);
    try {
      replace(await incidentsApi.update(incident.id, { version: incident.version, status }));
      setNotice({ kind: "success", text: (i) => i.t("incidents.statusChanged", { status: i.t(`incidents.status.${status}`) }) });
    } catch (err) {
      const latest = err instanceof ApiError ? err.currentRecord<IncidentView>() : undefined;
      if (latest) replace(latest);
      setNotice({ kind: "error", text: (i) => i.errorMessage(err) });
    }
  };

  return (
    <div className="page-stack incident-page" data-testid="page-incident">
      <Breadcrumb label={t("incidents.breadcrumb")} parent={{ to: "/incidents", label: t("nav.incidents") }} current={incident.code} />
      <PageHeader
        title={incident.title}
        subtitle={t("incidents.page.subtitle", { code: incident.code, detected: formatWhen(i18n, incident.detectedAt) })}
        actions={
          <>
            {authorities.length > 0 && (
              <button type="button" className="button" onClick={() => setOpen("send")} data-testid="incident-send-authority">
                {t("incidents.send.button")}
              </button>
            )}
            {work && (
              <button type="button" className="button" onClick={() => setOpen("edit")} data-testid="incident-edit">
                {t("incidents.edit")}
              </button>
            )}
            {work && (
              <button type="button" className="button button--primary" onClick={() => setOpen("close")} data-testid="incident-close">
                {t("incidents.close.button")}
              </button>
            )}
          </>
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="incident-notice" />
      {closed && (
        <Notice kind="success" testId="incident-closed">
          <p className="incident-notice__text">
            {t("incidents.closedBy", { name: closedByName(incident, incident.timeline) ?? t("incidents.someone"), at: incident.closedAt ? dateTime(incident.closedAt) : "" })}
          </p>
          {closingNote(incident.timeline) && <p className="pre-text incident-notice__note">{closingNote(incident.timeline)}</p>}
        </Notice>
      )}
      {incident.appiReportCheck && !closed && (
        <div className="incident-page__flag">
          <AppiFlag long />
        </div>
      )}
      <div className="incident-layout">
        <div className="stack incident-layout__main">
          <IncidentFacts incident={incident} onStatus={work ? changeStatus : undefined} />
          <RecordCustomFacts entity="incident" values={incident.custom} />
          <IncidentHarms incident={incident} />
          <IncidentLinks incident={incident} />
          <IncidentActions incident={incident} onAdd={work ? () => setOpen("action") : undefined} />
          <IncidentTimeline incident={incident} onAdded={mayWork ? replace : undefined} />
        </div>
        <aside className="stack incident-layout__side">
          <section className="card incident-report" aria-labelledby="incident-report-title">
            <h2 className="card__title" id="incident-report-title">
              {t("incidents.report.title")}
            </h2>
            <p className="card__hint">{t("incidents.report.explain")}</p>
            <div className="incident-report__links">
              <a className="button" href={incidentsApi.reportHtmlHref(incident.id)} target="_blank" rel="noopener" data-testid="incident-report-html">
                {t("incidents.report.html")}
              </a>
              <a className="button" href={incidentsApi.reportJsonHref(incident.id)} target="_blank" rel="noopener" data-testid="incident-report-json">
                {t("incidents.report.json")}
              </a>
            </div>
          </section>
          <SimilarIncidents
            text={similarTextOf(incident.title, incident.summary, incident.rootCause)}
            categories={incident.categories}
            exclude={incident.id}
            delay={0}
            testId="incident-page-similar"
            variant="card"
          />
        </aside>
      </div>
      {open === "edit" && (
        <IncidentDialog
          incident={incident}
          onClose={() => setOpen(undefined)}
          onSaved={(saved) => {
            replace(saved);
            setNotice({ kind: "success", text: (i) => i.t("incidents.saved", { code: saved.code }) });
          }}
        />
      )}
      {open === "action" && (
        <ActionDialog
          incident={incident}
          onClose={() => setOpen(undefined)}
          onSaved={(saved) => {
            replace(saved);
            setNotice({ kind: "success", text: (i) => i.t("incidents.action.saved") });
          }}
        />
      )}
      {open === "send" && (
        <SendToAuthorityDialog
          incident={incident}
          authorities={authorities}
          onClose={() => setOpen(undefined)}
          onSent={(sent) => setNotice({ kind: "success", text: (i) => i.t("incidents.send.done", { authority: sent.authority.name[i.lang] }) })}
        />
      )}
      {open === "close" && (
        <CloseDialog
          incident={incident}
          onClose={() => setOpen(undefined)}
          onClosed={(saved) => {
            replace(saved);
            setNotice({ kind: "success", text: (i) => i.t("incidents.close.done", { code: saved.code }) });
          }}
        />
      )}
    </div>
  );
}
