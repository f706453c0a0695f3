import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { CASE_STATUSES, oversightApi, type CaseDetail, type CaseStatus } from "../../api/oversight.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { Card } from "../../components/Card.tsx";
import { RecordLoadState } from "../../components/LoadState.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { StatusButtons } from "../../components/StatusButtons.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import type { RouteParams } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { CaseInvolved } from "./CaseInvolved.tsx";
import { CaseTimeline } from "./CaseTimeline.tsx";
import { IntakeRow } from "./IntakeRow.tsx";
import { CaseStatusBadge } from "./OversightBadges.tsx";
import { CASES_PATH } from "./oversight-paths.ts";
import { CASE_STATUS_TONES } from "./oversight-tones.ts";
import { useValueWords } from "./useValueWords.ts";
import "./oversight.css";

/**
 * A case of rights infringement: its summary and status, the organisations and AI systems
 * involved, its timeline with the analysts' notes and countermeasures, and its submissions.
 */
export function CasePage({ params }: { params: RouteParams }) {
  const { t, lang, dateTime } = useI18n();
  const { can } = useSignedIn();
  const id = params.id ?? "";
  const resource = useResource((signal) => oversightApi.case(id, signal), id);
  const words = useValueWords();
  const [notice, setNotice] = useState<NoticeMessage>();
  const detail = resource.data;
  if (!detail) return <RecordLoadState resource={resource} testId="page-oversight-case" />;

  const work = can("oversight.triage");
  const replace = (next: CaseDetail) => resource.update(() => next);
  const changeStatus = async (status: CaseStatus) => {
    setNotice(undefined);
    try {
      replace(await oversightApi.updateCase(detail.id, { version: detail.version, status }));
      setNotice({ kind: "success", text: (i) => i.t("oversight.case.statusChanged", { status: i.t(`oversight.caseStatus.${status}`) }) });
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") resource.reload();
      setNotice({ kind: "error", text: (i) => i.errorMessage(err) });
    }
  };
  const other = lang === "ja" ? "en" : "ja";

  return (
    <div className="page-stack" data-testid="page-oversight-case">
      <Breadcrumb label={t("oversight.breadcrumb")} parent={{ to: CASES_PATH, label: t("nav.oversightCases") }} current={detail.code} />
      <PageHeader title={plainText(detail.title, lang)} subtitle={detail.title[other] || undefined} subtitleLang={other} />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="case-notice" />
      <div className="oversight-layout">
        <div className="stack oversight-layout__main">
          <section className="card" aria-label={t("oversight.case.facts")} data-testid="case-facts">
            <dl className="facts">
              <dt>{t("oversight.col.status")}</dt>
              <dd>
                <CaseStatusBadge status={detail.status} testId="case-status" />
              </dd>
              {work && (
                <>
                  <dt>{t("oversight.case.changeStatus")}</dt>
                  <dd>
                    <StatusButtons statuses={CASE_STATUSES} current={detail.status} onStatus={changeStatus} tone={(s) => CASE_STATUS_TONES[s]} label={(s) => t(`oversight.caseStatus.${s}`)} groupLabel={t("oversight.case.changeStatus")} compact testId="case-status-buttons" />
                  </dd>
                </>
              )}
              <dt>{t("oversight.part.rights")}</dt>
              <dd>{detail.rights.length ? detail.rights.map(words.right).join(t("oversight.listSeparator")) : <span className="muted">{t("oversight.none")}</span>}</dd>
              <dt>{t("oversight.cases.summary")}</dt>
              <dd className="pre-text">{detail.summary || <span className="muted">{t("oversight.notStated")}</span>}</dd>
              <dt>{t("oversight.case.createdAt")}</dt>
              <dd>{dateTime(detail.createdAt)}</dd>
            </dl>
          </section>
          <CaseTimeline detail={detail} onAdded={work ? replace : undefined} />
        </div>
        <aside className="stack oversight-layout__side">
          <CaseInvolved detail={detail} />
        </aside>
      </div>
      <Card title={t("oversight.case.submissions")} titleId="case-submissions-title" testId="case-submissions">
        <div className="table-wrap">
          <table className="table intake-table">
            <caption className="visually-hidden">{t("oversight.case.submissions")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("oversight.col.receivedAt")}</th>
                <th scope="col">{t("oversight.col.sender")}</th>
                <th scope="col">{t("oversight.col.kind")}</th>
                <th scope="col">{t("oversight.col.headline")}</th>
                <th scope="col">{t("oversight.col.severity")}</th>
                <th scope="col">{t("oversight.col.status")}</th>
                <th scope="col">{t("oversight.col.sector")}</th>
                <th scope="col">{t("oversight.col.flags")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.items.length === 0 ? (
                <tr>
                  <td colSpan={8} className="muted">
                    {t("oversight.case.noSubmissions")}
                  </td>
                </tr>
              ) : (
                detail.items.map((item) => <IntakeRow key={item.id} item={item} words={words} />)
              )}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
