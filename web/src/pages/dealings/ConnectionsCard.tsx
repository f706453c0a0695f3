import type { ConnectionView, SectorOption } from "../../api/exchange.ts";
import { Card } from "../../components/Card.tsx";
import { TableState } from "../../components/TableState.tsx";
import type { Resource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { KeyIds } from "../oversight/KeyIds.tsx";
import { ConnectionStatusBadge } from "../oversight/OversightBadges.tsx";
import { NameText } from "../oversight/SenderName.tsx";

interface ConnectionsCardProps {
  connections: Resource<ConnectionView[]>;
  sectors: readonly SectorOption[];
  /** Opens the "register with an authority" dialog; absent without `exchange.submit`. */
  onRegister: (() => void) | undefined;
}

/** The authorities the organisation is registered with (or waits for), with the sector declared and their key ids. */
export function ConnectionsCard({ connections, sectors, onRegister }: ConnectionsCardProps) {
  const { t, dateTime, lang } = useI18n();
  const rows = connections.data ?? [];
  const sectorName = (value: string | null) => (value ? (sectors.find((s) => s.value === value)?.label[lang] ?? value) : t("oversight.sector.unspecified"));
  return (
    <Card
      title={t("dealings.connections.title")}
      titleId="connections-title"
      testId="connections"
      actions={
        onRegister && (
          <button type="button" className="button button--small button--primary" onClick={onRegister} data-testid="register-open">
            {t("dealings.register.title")}
          </button>
        )
      }
    >
      <p className="card__hint">{t("dealings.connections.explain")}</p>
      <div className="table-wrap">
        <table className="table" aria-busy={connections.loading} data-testid="connections-table">
          <caption className="visually-hidden">{t("dealings.connections.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dealings.col.authority")}</th>
              <th scope="col">{t("oversight.col.status")}</th>
              <th scope="col">{t("oversight.col.sector")}</th>
              <th scope="col">{t("oversight.registrations.col.requestedAt")}</th>
              <th scope="col">{t("oversight.registrations.col.decidedAt")}</th>
              <th scope="col">{t("dealings.col.keys")}</th>
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={6} loading={connections.loading} error={connections.error} count={rows.length} filtered={false} emptyMessage={t("dealings.connections.empty")} onRetry={connections.reload} />
            {!connections.error &&
              rows.map((c) => (
                <tr key={c.id} data-testid="connection-row" data-status={c.status}>
                  <td className="table__primary">
                    <NameText name={c.counterpart.name} />
                    {!c.counterpart.sameInstance && <span className="muted"> {t("oversight.registrations.remote")}</span>}
                    {c.note && <span className="table__note pre-text">{c.note}</span>}
                  </td>
                  <td>
                    <ConnectionStatusBadge status={c.status} testId="connection-status" />
                  </td>
                  <td>{sectorName(c.sector)}</td>
                  <td className="table__nowrap">{dateTime(c.requestedAt)}</td>
                  <td className="table__nowrap">{c.decidedAt ? dateTime(c.decidedAt) : <span className="muted">{t("oversight.none")}</span>}</td>
                  <td>
                    <KeyIds keys={c.counterpartKeys} />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
