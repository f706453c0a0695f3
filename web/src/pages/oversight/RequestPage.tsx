import { OUTGOING_STATUSES, type OutgoingStatus } from "../../api/exchange.ts";
import { oversightApi, type RequestDetail } from "../../api/oversight.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { Card } from "../../components/Card.tsx";
import { RecordLoadState } from "../../components/LoadState.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { pickText, plainText } from "../../i18n/text.ts";
import { Link, type RouteParams } from "../../router/router.tsx";
import { audienceWords } from "./audience-logic.ts";
import { OutgoingStatusBadge, RecipientStatusBadge } from "./OversightBadges.tsx";
import { intakePath, REQUESTS_PATH } from "./oversight-paths.ts";
import { NameText } from "./SenderName.tsx";
import { useAudienceOptions } from "./useAudienceOptions.ts";
import { useValueWords } from "./useValueWords.ts";
import "./oversight.css";

/**
 * A request for information: its text and questions, and each recipient — whether the signed
 * request reached it, whether it answered (with a link to the answer in the queue) or let the
 * deadline pass.
 */
export function RequestPage({ params }: { params: RouteParams }) {
  const { t, lang, day, dateTime, number } = useI18n();
  const id = params.id ?? "";
  const resource = useResource((signal) => oversightApi.request(id, signal), id);
  const options = useAudienceOptions();
  const detail = resource.data;
  if (!detail) return <RecordLoadState resource={resource} testId="page-oversight-request" />;
  const other = lang === "ja" ? "en" : "ja";
  const audience = audienceWords(detail.audience, options.sectors, options.registrations, lang);
  const body = pickText(detail.body, lang);
  return (
    <div className="page-stack" data-testid="page-oversight-request">
      <Breadcrumb label={t("oversight.breadcrumb")} parent={{ to: REQUESTS_PATH, label: t("nav.oversightRequests") }} current={detail.code} />
      <PageHeader title={plainText(detail.title, lang)} subtitle={detail.title[other] || undefined} subtitleLang={other} />
      <div className="oversight-layout">
        <div className="stack oversight-layout__main">
          <Card title={t("oversight.request.text")} titleId="request-text-title" testId="request-text">
            {body ? (
              <p className="pre-text" lang={body.lang}>
                {body.text}
              </p>
            ) : (
              <p className="muted">{t("oversight.request.noBody")}</p>
            )}
            <h3 className="card__subtitle">{t("oversight.requests.questions")}</h3>
            <ol className="question-list" data-testid="request-questions-list">
              {detail.questions.map((q) => {
                const text = pickText(q, lang);
                return (
                  <li key={q.id} lang={text?.lang}>
                    {text?.text ?? t("oversight.notStated")}
                  </li>
                );
              })}
            </ol>
          </Card>
          <RecipientsCard detail={detail} />
        </div>
        <aside className="stack oversight-layout__side">
          <section className="card" aria-label={t("oversight.request.facts")} data-testid="request-facts">
            <dl className="facts">
              <dt>{t("oversight.requests.col.deadline")}</dt>
              <dd data-testid="request-deadline-text">{day(detail.deadline)}</dd>
              <dt>{t("oversight.audience.label")}</dt>
              <dd>{t(audience.key, audience.params)}</dd>
              <dt>{t("oversight.request.counts")}</dt>
              <dd data-testid="request-counts">{t("oversight.request.countsText", { sent: number(detail.counts.sent), answered: number(detail.counts.answered), overdue: number(detail.counts.overdue) })}</dd>
              <dt>{t("oversight.request.sentAt")}</dt>
              <dd>{dateTime(detail.createdAt)}</dd>
            </dl>
          </section>
        </aside>
      </div>
    </div>
  );
}

const isOutgoing = (v: string): v is OutgoingStatus => (OUTGOING_STATUSES as readonly string[]).includes(v);

function RecipientsCard({ detail }: { detail: RequestDetail }) {
  const { t, dateTime, number } = useI18n();
  const words = useValueWords();
  const total = detail.counts.sent + detail.counts.answered + detail.counts.overdue;
  return (
    <Card title={t("oversight.request.recipients")} titleId="request-recipients-title" testId="request-recipients">
      {detail.recipients.length < total && <p className="card__hint">{t("oversight.request.recipientsLimited", { shown: number(detail.recipients.length), total: number(total) })}</p>}
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t("oversight.request.recipients")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("oversight.registrations.col.organisation")}</th>
              <th scope="col">{t("oversight.col.sector")}</th>
              <th scope="col">{t("oversight.request.col.delivery")}</th>
              <th scope="col">{t("oversight.col.status")}</th>
              <th scope="col">{t("oversight.request.col.answer")}</th>
            </tr>
          </thead>
          <tbody>
            {detail.recipients.map((r) => (
              <tr key={r.party} data-testid="request-recipient" data-status={r.status}>
                <td className="table__primary">
                  <NameText name={r.name} />
                </td>
                <td>{words.sector(r.sector)}</td>
                <td>{isOutgoing(r.delivery) ? <OutgoingStatusBadge status={r.delivery} testId="recipient-delivery" /> : <span className="muted">{t("oversight.none")}</span>}</td>
                <td>
                  <RecipientStatusBadge status={r.status} testId="recipient-status" />
                </td>
                <td className="table__nowrap">
                  {r.answerIntakeId ? (
                    <Link to={intakePath(r.answerIntakeId)} data-testid="recipient-answer-link">
                      {t("oversight.request.openAnswer", { at: r.answeredAt ? dateTime(r.answeredAt) : "" })}
                    </Link>
                  ) : (
                    <span className="muted">{t("oversight.request.noAnswer")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
