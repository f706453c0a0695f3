import { OPEN_STATUSES, type IncidentView } from "../../api/incidents.ts";
import { StatusButtons } from "../../components/StatusButtons.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { IncidentStatusBadge, SeverityBadge } from "./IncidentBadges.tsx";
import { formatWhen } from "./incident-rules.ts";
import { INCIDENT_STATUS_TONES } from "./incident-tones.ts";

type OpenStatus = (typeof OPEN_STATUSES)[number];

interface IncidentFactsProps {
  incident: IncidentView;
  /** Moves the incident along (closing has its own button and checks); absent when this person may not work it or it is closed. */
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
              <StatusButtons
                statuses={OPEN_STATUSES}
                current={incident.status}
                onStatus={onStatus}
                tone={(s) => INCIDENT_STATUS_TONES[s]}
                label={(s) => t(`incidents.status.${s}`)}
                groupLabel={t("incidents.changeStatus")}
                compact
                testId="incident-status-buttons"
              />
            </dd>
          </>
        )}
        <dt>{t("incidents.field.severity")}</dt>
        <dd data-testid="incident-severity-value">
          <SeverityBadge severity={incident.severity} />
        </dd>
        <dt>{t("incidents.field.occurredAt")}</dt>
        <dd>{incident.occurredAt ? formatWhen(i18n, incident.occurredAt) : incident.occurredOn ? i18n.day(incident.occurredOn) : <span className="muted">{t("incidents.unknown")}</span>}</dd>
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
        <dd className="pre-text">{incident.summary || <span className="muted">{t("incidents.noSummary")}</span>}</dd>
        <dt>{t("incidents.field.rootCause")}</dt>
        <dd className="pre-text" data-testid="incident-root-cause-value">
          {incident.rootCause || <span className="muted">{t("incidents.noRootCause")}</span>}
        </dd>
        <dt>{t("incidents.field.updatedAt")}</dt>
        <dd>{dateTime(incident.updatedAt)}</dd>
      </dl>
    </section>
  );
}
