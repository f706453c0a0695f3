import type { ConnectionStatus, OutgoingStatus } from "../../api/exchange.ts";
import type { DealingKind, DealingStatus } from "../../api/dealings.ts";
import type { CaseStatus, ConfidentialReason, IntakeStatus, PublicationStatus, RecipientStatus } from "../../api/oversight.ts";
import { toneStyle } from "../../components/StatusBadge.tsx";
import "../../components/status-badge.css";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ADVISORY_STATUS_TONES, CASE_STATUS_TONES, CONNECTION_STATUS_TONES, DEALING_STATUS_TONES, INTAKE_STATUS_TONES, OUTGOING_STATUS_TONES, PUBLICATION_STATUS_TONES, RECIPIENT_STATUS_TONES } from "./oversight-tones.ts";

/** Where a submission stands in the queue, as a coloured pill. */
export function IntakeStatusBadge({ status, testId }: { status: IntakeStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(INTAKE_STATUS_TONES[status])} data-status={status} data-testid={testId}>
      {t(`oversight.status.${status}`)}
    </span>
  );
}

/** Where a case stands, as a coloured pill. */
export function CaseStatusBadge({ status, testId }: { status: CaseStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(CASE_STATUS_TONES[status])} data-status={status} data-testid={testId}>
      {t(`oversight.caseStatus.${status}`)}
    </span>
  );
}

/** A registration's state (pending, approved, refused, revoked), as a coloured pill. */
export function ConnectionStatusBadge({ status, testId }: { status: ConnectionStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(CONNECTION_STATUS_TONES[status])} data-status={status} data-testid={testId}>
      {t(`oversight.connectionStatus.${status}`)}
    </span>
  );
}

/** A submission's delivery (queued and retried, delivered with a receipt, refused, failed), as a coloured pill. */
export function OutgoingStatusBadge({ status, testId }: { status: OutgoingStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(OUTGOING_STATUS_TONES[status])} data-status={status} data-testid={testId}>
      {t(`dealings.status.${status}`)}
    </span>
  );
}

/** A recipient of a request: sent (waiting for its answer), answered, or past the deadline without one. */
export function RecipientStatusBadge({ status, testId }: { status: RecipientStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(RECIPIENT_STATUS_TONES[status])} data-status={status} data-testid={testId}>
      {t(`oversight.recipientStatus.${status}`)}
    </span>
  );
}

/** An advisory: a draft, or sent by a supervisor. */
export function AdvisoryStatusBadge({ status, testId }: { status: "draft" | "sent"; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(ADVISORY_STATUS_TONES[status])} data-status={status} data-testid={testId}>
      {t(`oversight.advisoryStatus.${status}`)}
    </span>
  );
}

/** Where a publication stands in its due process. */
export function PublicationStatusBadge({ status, testId }: { status: PublicationStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(PUBLICATION_STATUS_TONES[status])} data-status={status} data-testid={testId}>
      {t(`oversight.publicationStatus.${status}`)}
    </span>
  );
}

/** An entry of the organisation's register of dealings: open (to deal with), answered, installed, closed — in the words of its kind. */
export function DealingStatusBadge({ kind, status, testId }: { kind: DealingKind; status: DealingStatus; testId?: string }) {
  const { t } = useI18n();
  const word = status === "answered" && kind === "publication-notice" ? t("dealings.status.responded") : t(`dealings.status.${status}`);
  return (
    <span className="status-badge" style={toneStyle(DEALING_STATUS_TONES[status])} data-status={status} data-testid={testId}>
      {word}
    </span>
  );
}

/**
 * Marks a part its sender asked the authority to keep confidential, and why: 「秘匿指定」 with the
 * reason (trade secret, personal data). Never in open data or anything published.
 */
export function ConfidentialBadge({ reason }: { reason: ConfidentialReason }) {
  const { t } = useI18n();
  return (
    <span className="confidential-badge" data-testid="confidential-badge" data-reason={reason}>
      <span className="confidential-badge__mark">{t("oversight.confidential.badge")}</span>
      <span className="confidential-badge__reason">{t(`oversight.confidential.reason.${reason}`)}</span>
    </span>
  );
}
