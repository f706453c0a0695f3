import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { oversightApi, type AdvisoryView } from "../../api/oversight.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { Card } from "../../components/Card.tsx";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { RecordLoadState } from "../../components/LoadState.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import type { RouteParams } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { audienceWords } from "./audience-logic.ts";
import { BilingualBody } from "./BilingualBody.tsx";
import { LibraryUpdateCard } from "./LibraryUpdateCard.tsx";
import { AdvisoryStatusBadge } from "./OversightBadges.tsx";
import { ADVISORIES_PATH } from "./oversight-paths.ts";
import { useAudienceOptions } from "./useAudienceOptions.ts";
import "./oversight.css";

/**
 * An advisory: its text in both languages, its audience, the library update it carries, and for a
 * supervisor the decision to send it — after which each recipient has it, signed, in its register
 * of dealings (and, with a library update, a task to review it).
 */
export function AdvisoryPage({ params }: { params: RouteParams }) {
  const { t, lang, dateTime, number } = useI18n();
  const { can } = useSignedIn();
  const id = params.id ?? "";
  const resource = useResource((signal) => oversightApi.advisory(id, signal), id);
  const options = useAudienceOptions();
  const [notice, setNotice] = useState<NoticeMessage>();
  const [sending, setSending] = useState(false);
  const advisory = resource.data;
  if (!advisory) return <RecordLoadState resource={resource} testId="page-oversight-advisory" />;

  const draft = advisory.status === "draft";
  const other = lang === "ja" ? "en" : "ja";
  const audience = audienceWords(advisory.audience, options.sectors, options.registrations, lang);
  const replace = (next: AdvisoryView) => resource.update(() => next);
  const send = async () => {
    try {
      const sent = await oversightApi.sendAdvisory(advisory.id, advisory.version);
      replace(sent);
      setNotice({ kind: "success", text: (i) => i.t("oversight.advisory.sent", { count: i.number(sent.recipients) }) });
    } catch (err) {
      // Someone changed it (a file attached) or sent it meanwhile: show it as it is now, and say so.
      if (err instanceof ApiError && (err.code === "conflict" || err.code === "advisory_sent")) {
        resource.reload();
        setNotice({ kind: "warning", text: (i) => i.t(err.code === "conflict" ? "oversight.advisory.conflict" : "error.advisory_sent") });
        return;
      }
      throw err;
    }
  };

  return (
    <div className="page-stack" data-testid="page-oversight-advisory">
      <Breadcrumb label={t("oversight.breadcrumb")} parent={{ to: ADVISORIES_PATH, label: t("nav.oversightAdvisories") }} current={advisory.code} />
      <PageHeader
        title={plainText(advisory.title, lang)}
        subtitle={advisory.title[other] || undefined}
        subtitleLang={other}
        actions={
          draft &&
          can("oversight.approve") && (
            <button type="button" className="button button--primary" onClick={() => setSending(true)} data-testid="advisory-send">
              {t("oversight.advisory.send")}
            </button>
          )
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="advisory-notice" />
      <div className="oversight-layout">
        <div className="stack oversight-layout__main">
          <Card title={t("oversight.advisory.text")} titleId="advisory-text-title" testId="advisory-text">
            <BilingualBody body={advisory.body} />
          </Card>
          <LibraryUpdateCard advisory={advisory} canAttach={draft && can("oversight.triage")} onAttached={(next) => { setNotice(undefined); replace(next); }} />
        </div>
        <aside className="stack oversight-layout__side">
          <section className="card" aria-label={t("oversight.advisory.facts")} data-testid="advisory-facts">
            <dl className="facts">
              <dt>{t("oversight.col.status")}</dt>
              <dd>
                <AdvisoryStatusBadge status={advisory.status} testId="advisory-status-badge" />
              </dd>
              <dt>{t("oversight.audience.label")}</dt>
              <dd>{t(audience.key, audience.params)}</dd>
              {advisory.sentAt && (
                <>
                  <dt>{t("oversight.advisories.col.sentAt")}</dt>
                  <dd>{dateTime(advisory.sentAt)}</dd>
                  <dt>{t("oversight.advisory.recipients")}</dt>
                  <dd data-testid="advisory-recipients">{t("oversight.advisories.recipients", { count: number(advisory.recipients) })}</dd>
                </>
              )}
              <dt>{t("oversight.advisory.draftedAt")}</dt>
              <dd>{dateTime(advisory.createdAt)}</dd>
            </dl>
            {draft && <p className="card__hint">{can("oversight.approve") ? t("oversight.advisory.sendHint") : t("oversight.advisory.supervisorSends")}</p>}
          </section>
        </aside>
      </div>
      {sending && <ConfirmDialog title={t("oversight.advisory.sendTitle", { code: advisory.code })} message={t("oversight.advisory.sendConfirm", { audience: t(audience.key, audience.params) })} confirmLabel={t("oversight.advisory.send")} onConfirm={send} onClose={() => setSending(false)} />}
    </div>
  );
}
