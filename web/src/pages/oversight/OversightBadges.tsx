import type { ConnectionStatus, OutgoingStatus } from "../../api/exchange.ts";
import type { CaseStatus, ConfidentialReason, IntakeStatus } from "../../api/oversight.ts";
import { toneStyle } from "../../components/StatusBadge.tsx";
import "../../components/status-badge.css";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { CASE_STATUS_TONES, CONNECTION_STATUS_TONES, INTAKE_STATUS_TONES, OUTGOING_STATUS_TONES } from "./oversight-tones.ts";

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
