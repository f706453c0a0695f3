import { OUTGOING_STATUSES, type OutgoingStatus } from "../../api/exchange.ts";
import type { DealingDetail } from "../../api/dealings.ts";
import { Card } from "../../components/Card.tsx";
import { Disclosure } from "../../components/Disclosure.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { OutgoingStatusBadge } from "../oversight/OversightBadges.tsx";
import { SentAnswers } from "./SentAnswers.tsx";

const isOutgoing = (v: string): v is OutgoingStatus => (OUTGOING_STATUSES as readonly string[]).includes(v);

/**
 * The answer (or response) sent back: when, whether it reached the authority (it is retried until
 * the authority's receipt comes back), a request's answers as sent, and the signed receipt, folded.
 */
export function AnswerDelivery({ dealing, titleKey }: { dealing: DealingDetail; titleKey: "dealings.answer.sentTitle" | "dealings.notice.sentTitle" }) {
  const { t, dateTime } = useI18n();
  const answer = dealing.answer;
  if (!answer) return null;
  return (
    <Card title={t(titleKey)} titleId="dealing-answer-title" testId="dealing-answer">
      <dl className="facts">
        {dealing.answeredAt && (
          <>
            <dt>{t("dealings.answer.sentAt")}</dt>
            <dd>{dateTime(dealing.answeredAt)}</dd>
          </>
        )}
        <dt>{t("dealings.answer.delivery")}</dt>
        <dd>{isOutgoing(answer.status) ? <OutgoingStatusBadge status={answer.status} testId="dealing-answer-status" /> : <span className="muted">{t("oversight.none")}</span>}</dd>
        <dt>{t("dealings.col.receivedAt")}</dt>
        <dd>{answer.receivedAt ? dateTime(answer.receivedAt) : <span className="muted">{t("dealings.submissions.noReceipt")}</span>}</dd>
      </dl>
      <SentAnswers answers={answer.answers} />
      {answer.receipt && (
        <Disclosure summary={t("dealings.submissions.showReceipt")} testId="dealing-receipt">
          {() => (
            <>
              <p className="table__note">{t("dealings.submissions.receiptExplain")}</p>
              <pre className="proof-value proof-value--block" lang="zxx" translate="no">
                {answer.receipt}
              </pre>
            </>
          )}
        </Disclosure>
      )}
    </Card>
  );
}
