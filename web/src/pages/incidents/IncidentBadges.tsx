import type { IncidentStatus, Severity } from "../../api/incidents.ts";
import { toneStyle } from "../../components/StatusBadge.tsx";
import "../../components/status-badge.css";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { INCIDENT_STATUS_TONES, SEVERITY_TONES } from "./incident-tones.ts";

/** How bad the incident is, as a coloured pill. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(SEVERITY_TONES[severity])} data-severity={severity}>
      {t(`incidents.severity.${severity}`)}
    </span>
  );
}

/** Where the incident stands (open → investigating → mitigated → closed), as a coloured pill. */
export function IncidentStatusBadge({ status, testId }: { status: IncidentStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(INCIDENT_STATUS_TONES[status])} data-status={status} data-testid={testId}>
      {t(`incidents.status.${status}`)}
    </span>
  );
}

/**
 * Marks an incident where personal data leaked or may have: APPI Art. 26 may require a report to
 * the PPC, so the flag must be seen in the list, not only on the incident's page.
 */
export function AppiFlag({ long = false }: { long?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="appi-flag" title={t("incidents.appi.flagTitle")} data-testid="incident-appi-flag">
      <span aria-hidden="true" className="appi-flag__icon">
        !
      </span>
      {long ? t("incidents.appi.flagLong") : t("incidents.appi.flag")}
    </span>
  );
}
