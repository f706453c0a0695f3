import type { AuditEntry } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { diffRecords } from "./diff.ts";
import { Hash } from "./Hash.tsx";

/** An entry opened up: its before/after as a field-by-field diff, then its place in the chain. */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const rows = diffRecords(entry.before, entry.after);
  return (
    <div className="audit-details" data-testid={`audit-details-${entry.seq}`}>
      <section>
        <h3 className="audit-details__heading">{t("audit.details.changes")}</h3>
        {rows.length === 0 ? (
          <p className="audit-details__empty">{t("audit.details.noContent")}</p>
        ) : (
          <>
            <table className="diff">
              <thead>
                <tr>
                  <th scope="col">{t("audit.details.field")}</th>
                  <th scope="col">{t("audit.details.before")}</th>
                  <th scope="col">{t("audit.details.after")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.field} className={`diff__row diff__row--${row.change}`} data-change={row.change}>
                    <th scope="row" className="diff__field">
                      {row.field}
                    </th>
                    <td className="diff__before">{row.before ?? "—"}</td>
                    <td className="diff__after">{row.after ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="audit-details__hint">{t("audit.details.changedOnly")}</p>
          </>
        )}
      </section>
      <section>
        <h3 className="audit-details__heading">{t("audit.details.chain")}</h3>
        <dl className="audit-details__chain">
          <dt>{t("audit.details.prevHash")}</dt>
          <dd>
            <Hash value={entry.prevHash} full />
          </dd>
          <dt>{t("audit.details.hash")}</dt>
          <dd>
            <Hash value={entry.hash} full />
          </dd>
          {entry.requestId && (
            <>
              <dt>{t("audit.details.requestId")}</dt>
              <dd>
                <code className="hash hash--full">{entry.requestId}</code>
              </dd>
            </>
          )}
          {entry.actor.id && (
            <>
              <dt>{t("audit.details.actorId")}</dt>
              <dd>
                <code className="hash hash--full">{entry.actor.id}</code>
              </dd>
            </>
          )}
        </dl>
      </section>
    </div>
  );
}
