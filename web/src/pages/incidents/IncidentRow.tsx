import type { FieldView } from "../../api/fields.ts";
import type { IncidentSummary } from "../../api/incidents.ts";
import { CustomCells } from "../../components/custom/CustomColumns.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { AppiFlag, IncidentStatusBadge, SeverityBadge } from "./IncidentBadges.tsx";
import { formatWhen, incidentPath } from "./incident-rules.ts";

/**
 * One incident in the list: what, how bad, where it stands, which systems, when detected, the APPI
 * flag, and the organisation's own fields shown in the list.
 */
export function IncidentRow({ incident, custom, personName }: { incident: IncidentSummary; custom: readonly FieldView[]; personName(id: string): string | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <tr data-testid="incident-row" data-status={incident.status}>
      <td className="table__mono table__nowrap">
        <Link to={incidentPath(incident.id)}>{incident.code}</Link>
      </td>
      <td className="table__primary">
        <Link to={incidentPath(incident.id)} className="row-link">
          {incident.title}
        </Link>
        {incident.owner && <span className="incident-row__owner muted">{t("incidents.row.owner", { name: incident.owner.displayName })}</span>}
      </td>
      <td>
        <SeverityBadge severity={incident.severity} />
      </td>
      <td>
        <IncidentStatusBadge status={incident.status} />
      </td>
      <td>
        {incident.systems.length === 0 ? (
          <span className="muted">{t("incidents.none")}</span>
        ) : (
          incident.systems.map((s) => (
            <span key={s.id} className="chip" title={s.titleEn ? `${s.titleJa} / ${s.titleEn}` : s.titleJa}>
              {s.code}
            </span>
          ))
        )}
      </td>
      <td className="table__nowrap">{formatWhen(i18n, incident.detectedAt)}</td>
      <td>{incident.appiReportCheck && <AppiFlag />}</td>
      <CustomCells fields={custom} values={incident.custom} personName={personName} />
    </tr>
  );
}
