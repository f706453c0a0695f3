import { useState } from "react";
import { haipApi } from "../../api/disclosures.ts";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { navigate } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { haipReportPath } from "./disclosure-paths.ts";
import { PublicationsCard } from "./PublicationsCard.tsx";
import { QuestionnairesCard } from "./QuestionnairesCard.tsx";
import { ReportsCard } from "./ReportsCard.tsx";
import { StartReportDialog } from "./StartReportDialog.tsx";
import "./disclosures.css";

/** Disclosures: the HAIP transparency reports by year, what is on the public trust page, and the questionnaires reports are written against. */
export function DisclosuresPage() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const reports = useResource((signal) => haipApi.list(signal), "haip-reports");
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage>();

  return (
    <div className="page-stack" data-testid="page-disclosures">
      <PageHeader
        title={t("disclosures.title")}
        subtitle={t("disclosures.subtitle")}
        actions={
          can("disclosures.edit") && (
            <button type="button" className="button button--primary" onClick={() => setStarting(true)} data-testid="start-report">
              {t("disclosures.start")}
            </button>
          )
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="disclosures-notice" />
      <ReportsCard resource={reports} />
      <PublicationsCard canWithdraw={can("disclosures.publish")} onWithdrawn={(title) => setNotice({ kind: "success", text: (i) => i.t("disclosures.publication.withdrawnNotice", { title: title[i.lang] }) })} />
      <QuestionnairesCard canLoad={can("disclosures.publish")} />
      {starting && <StartReportDialog reports={reports.data ?? []} onClose={() => setStarting(false)} onStarted={(report) => navigate(haipReportPath(report.id))} />}
    </div>
  );
}
