import { useState } from "react";
import { exchangeApi, type OutgoingView } from "../../api/exchange.ts";
import { Card } from "../../components/Card.tsx";
import { Disclosure } from "../../components/Disclosure.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ConfidentialBadge, OutgoingStatusBadge } from "../oversight/OversightBadges.tsx";
import { NameText } from "../oversight/SenderName.tsx";
import { partWords } from "../oversight/confidential-parts.ts";

const LIMIT = 25;

/**
 * What the organisation sent to authorities, newest first: the document, the authority, how the
 * delivery went (attempts and the last error while it is retried) and the authority's signed
 * receipt, folded.
 */
export function SubmissionsCard() {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const list = useResource((signal) => exchangeApi.submissions({ limit: LIMIT, offset }, signal), String(offset));
  const rows = list.data ?? [];
  return (
    <Card title={t("dealings.submissions.title")} titleId="submissions-title" testId="dealings-submissions">
      <p className="card__hint">{t("dealings.submissions.explain")}</p>
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="dealings-submissions-table">
          <caption className="visually-hidden">{t("dealings.submissions.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("oversight.col.kind")}</th>
              <th scope="col">{t("dealings.col.subject")}</th>
              <th scope="col">{t("dealings.col.authority")}</th>
              <th scope="col">{t("oversight.col.status")}</th>
              <th scope="col">{t("dealings.col.receivedAt")}</th>
              <th scope="col">{t("dealings.col.receipt")}</th>
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={6} loading={list.loading} error={list.error} count={rows.length} filtered={false} emptyMessage={t("dealings.submissions.empty")} onRetry={list.reload} />
            {!list.error && rows.map((s) => <SubmissionRow key={s.id} item={s} />)}
          </tbody>
        </table>
      </div>
      {(offset > 0 || rows.length === LIMIT) && (
        <nav className="pager" aria-label={t("pager.label")}>
          <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - LIMIT))}>
            {t("pager.previous")}
          </button>
          <button type="button" className="button button--small" disabled={rows.length < LIMIT} onClick={() => setOffset(offset + LIMIT)}>
            {t("pager.next")}
          </button>
        </nav>
      )}
    </Card>
  );
}

function SubmissionRow({ item }: { item: OutgoingView }) {
  const { t, dateTime, label, number } = useI18n();
  const retrying = item.status === "queued" && item.attempts > 0;
  return (
    <tr data-testid="dealings-submission" data-status={item.status}>
      <td className="table__nowrap">{label("dealings.kind.", item.kind)}</td>
      <td>
        <SubjectText item={item} />
        {item.confidential.length > 0 && (
          <span className="table__note" data-testid="dealings-confidential">
            {t("dealings.submissions.confidential", { parts: item.confidential.map((p) => { const w = partWords(p); return t(w.key, w.params); }).join(t("oversight.listSeparator")) })}
          </span>
        )}
      </td>
      <td>
        <NameText name={item.authority.name} />
      </td>
      <td>
        <OutgoingStatusBadge status={item.status} testId="dealings-submission-status" />
        {(retrying || item.status === "failed" || item.status === "refused") && (
          <span className="table__note" data-testid="dealings-attempts">
            {t("dealings.submissions.attempts", { count: number(item.attempts) })}
            {item.lastError && ` ${t("dealings.submissions.lastError", { error: label("error.", item.lastError) })}`}
          </span>
        )}
      </td>
      <td className="table__nowrap">{item.receivedAt ? dateTime(item.receivedAt) : <span className="muted">{t("oversight.none")}</span>}</td>
      <td>
        {item.receipt ? (
          <Disclosure summary={t("dealings.submissions.showReceipt")} testId="dealings-receipt">
            {() => (
              <>
                <p className="table__note">{t("dealings.submissions.receiptExplain")}</p>
                <pre className="proof-value proof-value--block" lang="zxx" translate="no">
                  {item.receipt}
                </pre>
              </>
            )}
          </Disclosure>
        ) : (
          <span className="muted">{t("dealings.submissions.noReceipt")}</span>
        )}
      </td>
    </tr>
  );
}

/** What was sent, in words: an incident's code, a HAIP report's year, a system's code, or the registration itself. */
function SubjectText({ item }: { item: OutgoingView }) {
  const { t } = useI18n();
  const { type, label } = item.subject;
  if (type === "exchange_connection" || item.kind === "registration") return <>{t("dealings.subject.registration")}</>;
  if (type === "haip_report" && label) return <>{t("dealings.subject.haip", { year: label })}</>;
  return <span className="table__mono">{label ?? t("oversight.none")}</span>;
}
