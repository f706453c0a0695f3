import { useState } from "react";
import { oversightApi, type IntakeDetail } from "../../api/oversight.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { Card } from "../../components/Card.tsx";
import { Disclosure } from "../../components/Disclosure.tsx";
import { RecordLoadState } from "../../components/LoadState.tsx";
import { Notice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { RouteParams } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { ConfidentialList } from "./ConfidentialList.tsx";
import { HarmReportDocument } from "./HarmReportDocument.tsx";
import { IncidentDocument } from "./IncidentDocument.tsx";
import { harmReportViewOf, intakeHeadline, rfiAnswerViewOf } from "./intake-documents.ts";
import { QUEUE_PATH } from "./oversight-paths.ts";
import { reportViewOf } from "./report-view.ts";
import { RfiAnswerDocument } from "./RfiAnswerDocument.tsx";
import { SubmissionFacts } from "./SubmissionFacts.tsx";
import { SubmissionLinks } from "./SubmissionLinks.tsx";
import { SubmissionProof } from "./SubmissionProof.tsx";
import { TriageForm } from "./TriageForm.tsx";
import { useTriageOptions } from "./useTriageOptions.ts";
import { useValueWords, type ValueWords } from "./useValueWords.ts";
import "./oversight.css";

/**
 * One submission: its document with the parts its sender marked confidential, how it relates to
 * other submissions and public cases, the proof of its sending, and the analyst's triage.
 */
export function IntakeDetailPage({ params }: { params: RouteParams }) {
  const { t, dateTime, lang } = useI18n();
  const { can } = useSignedIn();
  const id = params.id ?? "";
  const resource = useResource((signal) => oversightApi.submission(id, signal), id);
  const words = useValueWords();
  const triage = can("oversight.triage");
  const options = useTriageOptions(triage);
  const [conflict, setConflict] = useState(false);
  const item = resource.data;
  if (!item) return <RecordLoadState resource={resource} testId="page-oversight-submission" />;

  const replace = (next: IntakeDetail) => {
    setConflict(false);
    resource.update(() => next);
  };
  const sender = item.sender ? item.sender.name[lang] : t("oversight.sender.public");
  return (
    <div className="page-stack" data-testid="page-oversight-submission">
      <Breadcrumb label={t("oversight.breadcrumb")} parent={{ to: QUEUE_PATH, label: t("nav.oversightIntake") }} />
      <PageHeader title={intakeHeadline(item, t)} subtitle={t("oversight.detail.subtitle", { sender, at: dateTime(item.receivedAt) })} />
      {conflict && <Notice kind="warning" testId="triage-conflict">{t("oversight.triage.conflict")}</Notice>}
      {item.status === "superseded" && <Notice kind="info" testId="submission-superseded">{t("oversight.detail.superseded")}</Notice>}
      <div className="oversight-layout">
        <div className="stack oversight-layout__main">
          <SubmissionFacts item={item} words={words} people={options.people} />
          <SubmissionDocument item={item} words={words} />
          <ConfidentialList marks={item.confidential} />
        </div>
        <aside className="stack oversight-layout__side">
          {triage && item.status !== "superseded" && (
            <TriageForm
              key={item.id}
              item={item}
              options={options}
              words={words}
              onSaved={replace}
              onConflict={() => {
                setConflict(true);
                resource.reload();
              }}
            />
          )}
          <SubmissionLinks item={item} />
          <SubmissionProof payloadSha256={item.payloadSha256} message={item.message} />
        </aside>
      </div>
    </div>
  );
}

/** The document in people's words: an incident report, an answer to a request, a report from the public; any other folded as received. */
function SubmissionDocument({ item, words }: { item: IntakeDetail; words: ValueWords }) {
  switch (item.kind) {
    case "incident-report":
      return <IncidentDocument report={reportViewOf(item.document)} marks={item.confidential} words={words} />;
    case "rfi-answer":
      return <RfiAnswerDocument answer={rfiAnswerViewOf(item.document)} marks={item.confidential} />;
    case "harm-report":
      return <HarmReportDocument report={harmReportViewOf(item.document)} marks={item.confidential} words={words} />;
    default:
      return <OtherDocument item={item} />;
  }
}

/** A HAIP report or a system card: the document as received, folded (the formats are published with Musubi). */
function OtherDocument({ item }: { item: IntakeDetail }) {
  const { t } = useI18n();
  return (
    <Card title={t("oversight.document.title")} titleId="submission-document-title" testId="submission-document">
      <p className="card__hint">{t("oversight.document.asReceived")}</p>
      <Disclosure summary={t("oversight.document.show")}>{() => <pre className="proof-value proof-value--block">{JSON.stringify(item.document, null, 2)}</pre>}</Disclosure>
    </Card>
  );
}
