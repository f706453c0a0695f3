import { useState } from "react";
import { dealingsApi, type DealingDetail } from "../../api/dealings.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { todayIso } from "../../components/dates.ts";
import { RecordLoadState } from "../../components/LoadState.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { Link, type RouteParams } from "../../router/router.tsx";
import { DealingStatusBadge } from "../oversight/OversightBadges.tsx";
import { NameText } from "../oversight/SenderName.tsx";
import { taskPath } from "../tasks/task-paths.ts";
import { AdvisoryDealing } from "./AdvisoryDealing.tsx";
import { DEALINGS_PATH } from "./dealing-paths.ts";
import { isOverdue } from "./dealing-views.ts";
import { NoticeDealing } from "./NoticeDealing.tsx";
import { RfiDealing } from "./RfiDealing.tsx";
import "../oversight/oversight.css";

/**
 * One entry of the register of dealings: what the authority sent, and what the organisation does
 * about it — answer a request for information, install an advisory's library update, or respond
 * to the notice of a planned publication — with the answer's delivery and the authority's receipt.
 */
export function DealingPage({ params }: { params: RouteParams }) {
  const { t, lang, dateTime, day } = useI18n();
  const id = params.id ?? "";
  const resource = useResource((signal) => dealingsApi.get(id, signal), id);
  const [notice, setNotice] = useState<NoticeMessage>();
  const d = resource.data;
  if (!d) return <RecordLoadState resource={resource} testId="page-dealing" />;

  const other = lang === "ja" ? "en" : "ja";
  const replace = (next: DealingDetail) => resource.update(() => next);
  const onConflict = () => {
    resource.reload();
    setNotice({ kind: "warning", text: (i) => i.t("dealings.conflict") });
  };
  const parts = { dealing: d, onChanged: replace, onConflict, onReload: resource.reload, onNotice: setNotice };
  return (
    <div className="page-stack" data-testid="page-dealing" data-kind={d.kind}>
      <Breadcrumb label={t("oversight.breadcrumb")} parent={{ to: DEALINGS_PATH, label: t("nav.dealings") }} current={d.reference} />
      <PageHeader title={plainText(d.title, lang)} subtitle={d.title[other] || undefined} subtitleLang={other} />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="dealing-notice" />
      <section className="card" aria-label={t("dealings.entry.facts")} data-testid="dealing-facts">
        <dl className="facts facts--inline">
          <dt>{t("oversight.col.kind")}</dt>
          <dd>{t(`dealings.dealingKind.${d.kind}`)}</dd>
          <dt>{t("dealings.col.authority")}</dt>
          <dd>
            <NameText name={d.authority.name} />
          </dd>
          <dt>{t("dealings.col.receivedOn")}</dt>
          <dd>{dateTime(d.receivedAt)}</dd>
          {d.deadline && (
            <>
              <dt>{t(d.kind === "publication-notice" ? "dealings.notice.responseDue" : "dealings.col.deadline")}</dt>
              <dd data-testid="dealing-deadline">
                {day(d.deadline)}
                {isOverdue(d.deadline, d.status, todayIso()) && <span className="count--overdue"> {t("dealings.overdue")}</span>}
              </dd>
            </>
          )}
          <dt>{t("oversight.col.status")}</dt>
          <dd>
            <DealingStatusBadge kind={d.kind} status={d.status} testId="dealing-status" />
          </dd>
          {d.taskId && (
            <>
              <dt>{t("dealings.entry.task")}</dt>
              <dd>
                <Link to={taskPath(d.taskId)} data-testid="dealing-task-link">
                  {t("dealings.entry.openTask")}
                </Link>
              </dd>
            </>
          )}
        </dl>
      </section>
      {d.kind === "rfi" && <RfiDealing {...parts} />}
      {d.kind === "advisory" && <AdvisoryDealing {...parts} />}
      {d.kind === "publication-notice" && <NoticeDealing {...parts} />}
    </div>
  );
}

/** What each kind's part of the page is given. */
export interface DealingPartProps {
  dealing: DealingDetail;
  onChanged(next: DealingDetail): void;
  /** Someone changed the entry meanwhile: the page loads it as it is now. */
  onConflict(): void;
  /** Reads the entry again (after a step that changed it elsewhere). */
  onReload(): void;
  onNotice(notice: NoticeMessage): void;
}
