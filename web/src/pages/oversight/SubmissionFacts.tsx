import type { IntakeDetail } from "../../api/oversight.ts";
import type { UserView } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { SeverityBadge } from "../incidents/IncidentBadges.tsx";
import { senderReference } from "./intake-documents.ts";
import { IntakeStatusBadge } from "./OversightBadges.tsx";
import { SenderName } from "./SenderName.tsx";
import type { ValueWords } from "./useValueWords.ts";

/** Where the submission stands in the queue: from whom, what kind, when, its status and triage. */
export function SubmissionFacts({ item, words, people }: { item: IntakeDetail; words: ValueWords; people: readonly UserView[] }) {
  const { t, dateTime } = useI18n();
  const none = <span className="muted">{t("oversight.none")}</span>;
  const assignee = item.assigneeId ? (people.find((p) => p.id === item.assigneeId)?.displayName ?? t("oversight.triage.someone")) : undefined;
  return (
    <section className="card" aria-label={t("oversight.detail.facts")} data-testid="submission-facts">
      <dl className="facts">
        <dt>{t("oversight.col.status")}</dt>
        <dd>
          <IntakeStatusBadge status={item.status} testId="submission-status" />
        </dd>
        <dt>{t("oversight.col.sender")}</dt>
        <dd data-testid="submission-sender">
          <SenderName sender={item.sender} />
        </dd>
        <dt>{t("oversight.col.kind")}</dt>
        <dd>{words.kind(item.kind)}</dd>
        <dt>{t("oversight.detail.subjectRef")}</dt>
        <dd>{senderReference(item) ? <code className="table__mono">{senderReference(item)}</code> : none}</dd>
        <dt>{t("oversight.col.receivedAt")}</dt>
        <dd>{dateTime(item.receivedAt)}</dd>
        <dt>{t("oversight.col.severity")}</dt>
        <dd data-testid="submission-severity">{item.severity ? <SeverityBadge severity={item.severity} /> : none}</dd>
        <dt>{t("oversight.col.sector")}</dt>
        <dd data-testid="submission-sector">{words.sector(item.sector)}</dd>
        <dt>{t("oversight.part.rights")}</dt>
        <dd data-testid="submission-rights">{item.rights.length ? item.rights.map(words.right).join(t("oversight.listSeparator")) : none}</dd>
        <dt>{t("oversight.triage.assignee")}</dt>
        <dd data-testid="submission-assignee">{assignee ?? <span className="muted">{t("oversight.triage.unassigned")}</span>}</dd>
      </dl>
    </section>
  );
}
