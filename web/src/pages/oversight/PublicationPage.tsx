import { useState } from "react";
import { oversightApi, type PublicationView } from "../../api/oversight.ts";
import { approvalsApi } from "../../api/workflow.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { Card } from "../../components/Card.tsx";
import { RecordLoadState } from "../../components/LoadState.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText, scriptLang } from "../../i18n/text.ts";
import { Link, type RouteParams } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { ApprovalSection } from "../tasks/ApprovalSection.tsx";
import { BilingualBody } from "./BilingualBody.tsx";
import { advisoryPath, casePath, PUBLICATIONS_PATH, publicRegisterPath } from "./oversight-paths.ts";
import { PublicationActions } from "./PublicationActions.tsx";
import { PublicationSteps } from "./PublicationSteps.tsx";
import { NameText } from "./SenderName.tsx";
import "../tasks/tasks.css";
import "./oversight.css";

const DONE_KEYS = {
  notice: "oversight.publication.done.notice",
  submit: "oversight.publication.done.submit",
  publish: "oversight.publication.done.publish",
  withdraw: "oversight.publication.done.withdraw",
} as const;

/**
 * One publication and its due process: the text to be published, what it is about, the
 * organisation it names with the notice given and the response it sent, the approval (稟議), and
 * the steps this person may take now; once published, a link to it on the public register.
 */
export function PublicationPage({ params }: { params: RouteParams }) {
  const { t, lang, dateTime, day } = useI18n();
  const { session } = useSignedIn();
  const id = params.id ?? "";
  const resource = useResource((signal) => oversightApi.publication(id, signal), id);
  const p = resource.data;
  const approvalId = p?.approvalId ?? "";
  const approval = useResource((signal) => (approvalId ? approvalsApi.get(approvalId, signal) : Promise.resolve(null)), `${approvalId}:${p?.version ?? 0}`);
  const [notice, setNotice] = useState<NoticeMessage>();
  if (!p) return <RecordLoadState resource={resource} testId="page-oversight-publication" />;

  const other = lang === "ja" ? "en" : "ja";
  const replace = (next: PublicationView) => resource.update(() => next);
  const publicHref = p.status === "published" ? publicRegisterPath(session.organization.slug, p.code) : undefined;
  return (
    <div className="page-stack" data-testid="page-oversight-publication">
      <Breadcrumb label={t("oversight.breadcrumb")} parent={{ to: PUBLICATIONS_PATH, label: t("nav.oversightPublications") }} current={p.code} />
      <PageHeader title={plainText(p.title, lang)} subtitle={p.title[other] || undefined} subtitleLang={other} />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="publication-notice" />
      <PublicationSteps publication={p} testId="publication-steps" />
      <div className="oversight-layout">
        <div className="stack oversight-layout__main">
          <Card title={t("oversight.publication.text")} titleId="publication-text-title" testId="publication-text">
            <BilingualBody body={p.body} />
            {publicHref && (
              <p>
                <a href={publicHref} target="_blank" rel="noopener" data-testid="publication-public-link">
                  {t("oversight.publication.openPublic")}
                </a>
              </p>
            )}
          </Card>
          {p.names && (
            <Card title={t("oversight.publication.organisation")} titleId="publication-organisation-title" testId="publication-organisation">
              <dl className="facts">
                <dt>{t("oversight.publications.names")}</dt>
                <dd>
                  <NameText name={p.names.name} />
                </dd>
                <dt>{t("oversight.publication.responseDue")}</dt>
                <dd data-testid="publication-response-due">{p.responseDue ? day(p.responseDue) : <span className="muted">{t("oversight.publication.noNoticeYet")}</span>}</dd>
                <dt>{t("oversight.publication.response")}</dt>
                <dd data-testid="publication-response">
                  {p.response ? (
                    <>
                      <span className="pre-text" lang={scriptLang(p.response.text)}>
                        {p.response.text}
                      </span>
                      <span className="table__note">{t("oversight.publication.respondedAt", { at: dateTime(p.response.respondedAt) })}</span>
                    </>
                  ) : (
                    <span className="muted">{t("oversight.publication.noResponse")}</span>
                  )}
                </dd>
              </dl>
            </Card>
          )}
          {approval.data && <ApprovalSection plan={null} approval={approval.data} idPrefix="publication" onDecided={() => resource.reload()} />}
        </div>
        <aside className="stack oversight-layout__side">
          <PublicationActions
            publication={p}
            onDone={(next, step) => {
              replace(next);
              setNotice({ kind: "success", text: (i) => i.t(DONE_KEYS[step]) });
            }}
            onConflict={() => {
              resource.reload();
              setNotice({ kind: "warning", text: (i) => i.t("oversight.publication.conflict") });
            }}
          />
          <section className="card" aria-label={t("oversight.publication.facts")} data-testid="publication-facts">
            <dl className="facts">
              <dt>{t("oversight.publications.kind")}</dt>
              <dd>
                {t(`oversight.publicationKind.${p.subjectType}`)}
                {p.subjectType === "case" && p.subjectId && (
                  <>
                    {" "}
                    <Link to={casePath(p.subjectId)}>{t("oversight.links.openCase")}</Link>
                  </>
                )}
                {p.subjectType === "advisory" && p.subjectId && (
                  <>
                    {" "}
                    <Link to={advisoryPath(p.subjectId)}>{t("oversight.publication.openAdvisory")}</Link>
                  </>
                )}
              </dd>
              <dt>{t("oversight.publication.draftedAt")}</dt>
              <dd>{dateTime(p.createdAt)}</dd>
              {p.publishedAt && (
                <>
                  <dt>{t("oversight.publication.publishedAt")}</dt>
                  <dd>{dateTime(p.publishedAt)}</dd>
                </>
              )}
              {p.withdrawnAt && (
                <>
                  <dt>{t("oversight.publication.withdrawnAt")}</dt>
                  <dd>{dateTime(p.withdrawnAt)}</dd>
                  <dt>{t("oversight.publication.withdrawReason")}</dt>
                  <dd className="pre-text" data-testid="publication-withdraw-reason-text">
                    {p.withdrawReason}
                  </dd>
                </>
              )}
            </dl>
          </section>
        </aside>
      </div>
    </div>
  );
}
