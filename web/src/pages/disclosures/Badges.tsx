import type { Coded, ReportStatus, Wording } from "../../api/disclosures.ts";
import { toneStyle } from "../../components/StatusBadge.tsx";
import { ITEM_STATUS_TONES, type Tone } from "../../components/status-tones.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

const REPORT_TONES: Record<ReportStatus, Tone> = {
  draft: ITEM_STATUS_TONES.not_started,
  in_review: { solid: "#d97706", soft: "#fef3c7", text: "#78350f" },
  approved: ITEM_STATUS_TONES.met,
  published: ITEM_STATUS_TONES.in_progress,
};

/** A report's status as a coloured pill, in the words the server names it by. */
export function ReportStatusBadge({ status, testId }: { status: Coded<ReportStatus>; testId?: string }) {
  const { lang } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(REPORT_TONES[status.value])} data-status={status.value} data-testid={testId}>
      {status.label[lang]}
    </span>
  );
}

/**
 * Whose words a question is in. Musubi's own wording is marked on every question, with the reason
 * in words (not only a tooltip): the reader must not take it for the official question.
 */
export function WordingBadge({ wording }: { wording: Wording }) {
  const { t } = useI18n();
  const musubi = wording === "musubi";
  return (
    <span className={musubi ? "tag haip-wording haip-wording--musubi" : "tag haip-wording"} title={t(musubi ? "disclosures.wording.musubiHelp" : "disclosures.wording.officialHelp")} data-testid="wording-badge">
      {t(musubi ? "disclosures.wording.musubi" : "disclosures.wording.official")}
      <span className="visually-hidden">
        {t("disclosures.wording.separator")}
        {t(musubi ? "disclosures.wording.musubiHelp" : "disclosures.wording.officialHelp")}
      </span>
    </span>
  );
}

/** A publication's state: live, or withdrawn with its reason (or replaced by a newer version). */
export function PublicationState({ withdrawnAt, withdrawalReason }: { withdrawnAt: string | null; withdrawalReason: string | null }) {
  const { t, dateTime } = useI18n();
  if (!withdrawnAt) {
    return (
      <span className="status-badge" style={toneStyle(ITEM_STATUS_TONES.met)} data-status="live">
        {t("disclosures.publication.live")}
      </span>
    );
  }
  return (
    <span className="publication-state">
      <span className="status-badge" style={toneStyle(ITEM_STATUS_TONES.not_applicable)} data-status="withdrawn">
        {t("disclosures.publication.withdrawn")}
      </span>
      <span className="publication-state__reason">
        {withdrawalReason ? t("disclosures.publication.reason", { reason: withdrawalReason }) : t("disclosures.publication.replaced")}
        <span className="muted"> · {dateTime(withdrawnAt)}</span>
      </span>
    </span>
  );
}
