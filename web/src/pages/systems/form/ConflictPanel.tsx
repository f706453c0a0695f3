import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { changedFields, describeField, DRAFT_FIELDS, fieldLabelKey, type DraftField, type SystemDraft } from "./form-model.ts";

interface ConflictPanelProps {
  /** The version the user started from, theirs (saved meanwhile by someone else) and the user's draft. */
  base: SystemDraft;
  theirs: SystemDraft;
  mine: SystemDraft;
  theirVersion: number;
  names(field: DraftField, id: string): string;
  onReload(): void;
  onReapply(): void;
}

/**
 * A 409: someone saved the system while it was being edited. Their version beside the user's,
 * every field either side changed marked, and two ways on — never a silent overwrite.
 */
export function ConflictPanel({ base, theirs, mine, theirVersion, names, onReload, onReapply }: ConflictPanelProps) {
  const { t } = useI18n();
  const byThem = new Set(changedFields(base, theirs));
  const byMe = new Set(changedFields(base, mine));
  const rows = DRAFT_FIELDS.filter((f) => byThem.has(f) || byMe.has(f));
  return (
    <section className="conflict notice notice--warning" role="alert" data-testid="system-conflict">
      <div className="notice__body">
        <h2 className="conflict__title">{t("systems.conflict.title")}</h2>
        <p>{t("systems.conflict.body", { version: theirVersion })}</p>
        <table className="diff conflict__table">
          <thead>
            <tr>
              <th scope="col">{t("systems.conflict.field")}</th>
              <th scope="col">{t("systems.conflict.theirs")}</th>
              <th scope="col">{t("systems.conflict.mine")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => {
              const clash = byThem.has(f) && byMe.has(f);
              return (
                <tr key={f} className={clash ? "diff__row conflict__row--clash" : "diff__row diff__row--changed"} data-field={f}>
                  <th scope="row" className="conflict__field">
                    {t(fieldLabelKey(f))}
                    {clash && <span className="tag conflict__clash">{t("systems.conflict.both")}</span>}
                  </th>
                  <td className={byThem.has(f) ? "conflict__cell conflict__cell--changed" : "conflict__cell"}>{describeField(theirs, f, names) || "—"}</td>
                  <td className={byMe.has(f) ? "conflict__cell conflict__cell--changed" : "conflict__cell"}>{describeField(mine, f, names) || "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="conflict__actions">
          <button type="button" className="button" onClick={onReload} data-testid="conflict-reload">
            {t("systems.conflict.reload")}
          </button>
          <button type="button" className="button button--primary" onClick={onReapply} data-testid="conflict-reapply">
            {t("systems.conflict.reapply")}
          </button>
        </div>
      </div>
    </section>
  );
}
