import type { ControlView } from "../../api/compliance.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { controlPath, groupByFramework } from "./control-paths.ts";

/** One control in the library table: what it is, how far along, and how much it covers. */
export function ControlRow({ control, onEdit }: { control: ControlView; onEdit: (() => void) | undefined }) {
  const { t, lang, number, dateTime } = useI18n();
  const groups = groupByFramework(control.requirements);
  return (
    <tr data-testid="control-row">
      <td className="table__mono table__nowrap">
        <Link to={controlPath(control.id)}>{control.code}</Link>
      </td>
      <td className="table__primary">
        <Link to={controlPath(control.id)} className="row-link">
          {lang === "ja" ? control.titleJa : control.titleEn}
        </Link>
      </td>
      <td>
        <StatusBadge status={control.status} />
      </td>
      <td>
        <div className="control-row__frameworks">
          {groups.map((g) => (
            <span key={g.framework} className="framework-badge">
              <LocalText text={g.items[0]!.frameworkName} mark="none" />
            </span>
          ))}
        </div>
        <span className="muted control-row__coverage">
          {t("controls.coverage.short", { requirements: number(control.requirements.length), frameworks: number(groups.length), rows: number(control.rows) })}
        </span>
      </td>
      <td>{control.owner?.displayName ?? <span className="muted">{t("controls.noOwner")}</span>}</td>
      <td className="table__nowrap">{dateTime(control.updatedAt, "date")}</td>
      {onEdit && (
        <td className="table__actions">
          <button type="button" className="button button--small" onClick={onEdit}>
            {t("controls.edit")}
          </button>
        </td>
      )}
    </tr>
  );
}
