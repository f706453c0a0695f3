import { useState } from "react";
import { haipApi, type HaipReport } from "../../api/disclosures.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { RecordLoadState } from "../../components/LoadState.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import type { MessageKey } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, useSearch, type RouteParams } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { DiffPanel } from "./DiffPanel.tsx";
import { haipReportPath } from "./disclosure-paths.ts";
import { reportActions } from "./haip-logic.ts";
import { ReportActions, type ReportDone } from "./ReportActions.tsx";
import { ApprovalSection } from "../tasks/ApprovalSection.tsx";
import { QuestionnaireNotes, ReportOverview } from "./ReportOverview.tsx";
import { ReportPublications } from "./ReportPublications.tsx";
import { SectionCard } from "./SectionCard.tsx";
import "../systems/systems.css";
import "../tasks/tasks.css";
import "./disclosures.css";

const TABS = ["answers", "changes"] as const;
type Tab = (typeof TABS)[number];
const DONE: Record<ReportDone, MessageKey> = { submitted: "disclosures.done.submitted", withdrawn: "disclosures.done.withdrawn", published: "disclosures.done.published" };

/** One HAIP report: where it stands, the questionnaire's notes, its approval and publications, the questions section by section, and what changed since last year. */
export function HaipReportPage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const id = params.id ?? "";
  const asked = useSearch().get("tab");
  const tab: Tab = asked === "changes" ? "changes" : "answers";
  const res = useResource((signal) => haipApi.get(id, signal), id);
  const [notice, setNotice] = useState<NoticeMessage>();
  const report = res.data;
  if (!report) return <RecordLoadState resource={res} testId="page-haip-report" />;

  const allowed = reportActions(report.status.value, { edit: can("disclosures.edit"), publish: can("disclosures.publish") });
  const replace = (next: HaipReport) => res.update(() => next);
  const year = t("disclosures.year", { year: report.year });

  return (
    <div className="page-stack" data-testid="page-haip-report">
      <Breadcrumb label={t("disclosures.breadcrumb")} parent={{ to: "/disclosures", label: t("nav.disclosures") }} current={year} />
      <PageHeader title={t("disclosures.report.name", { year: report.year })} subtitle={t("disclosures.report.subtitle")} />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="haip-notice" />
      <QuestionnaireNotes report={report} />
      <ReportOverview report={report} />
      <ReportActions
        report={report}
        allowed={allowed}
        onStale={res.reload}
        onChanged={(next, done) => {
          replace(next);
          setNotice({ kind: "success", text: (i) => i.t(DONE[done], { year: i.t("disclosures.year", { year: next.year }) }) });
        }}
      />
      <ApprovalSection
        plan={report.approvalPlan}
        approval={report.approval}
        titleKey="disclosures.approval.title"
        idPrefix="haip"
        onDecided={(_, decision) => {
          setNotice({ kind: "success", text: (i) => i.t(decision === "approve" ? "approvals.approved" : "approvals.rejected", { title: i.t("disclosures.report.name", { year: report.year }) }) });
          res.reload();
        }}
      />
      <ReportPublications report={report} />
      <div className="tabs" role="tablist" aria-label={t("disclosures.tabs")}>
        {TABS.map((name) => (
          <Link
            key={name}
            to={name === "answers" ? haipReportPath(report.id) : `${haipReportPath(report.id)}?tab=${name}`}
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? "tabs__tab tabs__tab--active" : "tabs__tab"}
            data-testid={`haip-tab-${name}`}
          >
            {t(`disclosures.tab.${name}`)}
          </Link>
        ))}
      </div>
      <div className="page-stack" role="tabpanel" aria-label={t(`disclosures.tab.${tab}`)}>
        {tab === "answers" &&
          report.sections.map((s) => <SectionCard key={s.id} report={report} section={s} editable={allowed.editAnswers} onReport={replace} onStale={res.reload} />)}
        {tab === "changes" && <DiffPanel reportId={report.id} version={report.version} />}
      </div>
    </div>
  );
}
