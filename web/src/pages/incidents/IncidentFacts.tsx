import { useState } from "react";
import { OPEN_STATUSES, type IncidentStatus, type IncidentView } from "../../api/incidents.ts";
import { toneStyle } from "../../components/StatusBadge.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { IncidentStatusBadge, SeverityBadge } from "./IncidentBadges.tsx";
import { formatWhen } from "./incident-rules.ts";
import { INCIDENT_STATUS_TONES } from "./incident-tones.ts";

type OpenStatus = (typeof OPEN_STATUSES)[number];

interface IncidentFactsProps {
  incident: IncidentView;
  /** Moves the incident along; absent when this person may not work it or it is closed. */
  onStatus: ((status: OpenStatus) => Promise<void>) | undefined;
}

/** Where the incident stands, how bad it is, when it happened and was noticed, who owns it and where it came from. */
export function IncidentFacts({ incident, onStatus }: IncidentFactsProps) {
  const i18n = useI18n();
  const { t, dateTime, label } = i18n;
  const source = incident.source.startsWith("webhook:")
    ? t("incidents.source.webhook", { tool: incident.source.slice("webhook:".length) })
    : label("incidents.source.", incident.source);
  return (
    <section className="card incident-facts" aria-label={t("incidents.section.facts")}>
      <dl className="facts">
        <dt>{t("incidents.field.status")}</dt>
        <dd>
          <IncidentStatusBadge status={incident.status} testId="incident-status" />
        </dd>
        {onStatus && (
          <>
            <dt>{t("incidents.changeStatus")}</dt>
            <dd>
              <StatusButtons current={incident.status} onStatus={onStatus} />
            </dd>
          </>
        )}
        <dt>{t("incidents.field.severity")}</dt>
        <dd data-testid="incident-severity-value">
          <SeverityBadge severity={incident.severity} />
        </dd>
        <dt>{t("incidents.field.occurredAt")}</dt>
        <dd>{incident.occurredAt ? formatWhen(i18n, incident.occurredAt) : <span className="muted">{t("incidents.unknown")}</span>}</dd>
        <dt>{t("incidents.field.detectedAt")}</dt>
        <dd>{formatWhen(i18n, incident.detectedAt)}</dd>
        <dt>{t("incidents.field.owner")}</dt>
        <dd>{incident.owner?.displayName ?? <span className="muted">{t("incidents.noOwner")}</span>}</dd>
        <dt>{t("incidents.field.source")}</dt>
        <dd>
          {source}
          {incident.reportedBy && <span className="muted incident-facts__reporter">{t("incidents.reportedBy", { name: incident.reportedBy })}</span>}
        </dd>
        <dt>{t("incidents.field.summary")}</dt>
        <dd className="incident-text">{incident.summary || <span className="muted">{t("incidents.noSummary")}</span>}</dd>
        <dt>{t("incidents.field.rootCause")}</dt>
        <dd className="incident-text" data-testid="incident-root-cause-value">
          {incident.rootCause || <span className="muted">{t("incidents.noRootCause")}</span>}
        </dd>
        <dt>{t("incidents.field.updatedAt")}</dt>
        <dd>{dateTime(incident.updatedAt)}</dd>
      </dl>
    </section>
  );
}

/** One button per open status; the current one is pressed. Closing has its own button and checks. */
function StatusButtons({ current, onStatus }: { current: IncidentStatus; onStatus(status: OpenStatus): Promise<void> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const pick = async (status: OpenStatus) => {
    if (status === current) return;
    setBusy(true);
    try {
      await onStatus(status);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="incident-status-buttons" role="group" aria-label={t("incidents.changeStatus")} data-testid="incident-status-buttons">
      {OPEN_STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          className={s === current ? "incident-status-button incident-status-button--current" : "incident-status-button"}
          style={toneStyle(INCIDENT_STATUS_TONES[s])}
          aria-pressed={s === current}
          disabled={busy}
          onClick={() => pick(s)}
          data-status={s}
        >
          {t(`incidents.status.${s}`)}
        </button>
      ))}
    </div>
  );
}
