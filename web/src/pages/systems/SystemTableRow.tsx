import type { FieldView } from "../../api/fields.ts";
import type { SystemRow } from "../../api/systems.ts";
import { CustomCells } from "../../components/custom/CustomColumns.tsx";
import { departmentName } from "../../hooks/useDepartments.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { EuClassBadge, LifecycleBadge, ReviewDate } from "./Badges.tsx";
import { systemName, systemPath } from "./names.ts";

const SHOWN_TAGS = 3;

interface SystemTableRowProps {
  system: SystemRow;
  onTag(tag: string): void;
  /** The organisation's fields shown as columns, after the inventory's own. */
  custom: readonly FieldView[];
  personName(id: string): string | undefined;
}

/** One inventory row: the name in the UI language with the other beneath it, and a link to the system. */
export function SystemTableRow({ system: s, onTag, custom, personName }: SystemTableRowProps) {
  const { t, lang, number } = useI18n();
  const other = systemName(s, lang === "ja" ? "en" : "ja");
  return (
    <tr data-testid={`system-row-${s.code}`}>
      <td className="table__mono table__nowrap">
        <Link to={systemPath(s.id)}>{s.code}</Link>
      </td>
      <td className="inventory__name">
        <Link to={systemPath(s.id)} className="table__primary">
          {systemName(s, lang)}
        </Link>
        {other !== systemName(s, lang) && (
          <span className="inventory__other-name" lang={lang === "ja" ? "en" : "ja"}>
            {other}
          </span>
        )}
      </td>
      <td>{s.businessOwner?.displayName ?? <span className="muted">—</span>}</td>
      <td>{s.department ? departmentName(s.department, lang) : <span className="muted">—</span>}</td>
      <td className="table__nowrap">
        <LifecycleBadge value={s.lifecycle} />
      </td>
      <td className="table__nowrap">
        <EuClassBadge value={s.euClass} from={s.euClassFrom} />
      </td>
      <td className="table__nowrap">
        <ReviewDate date={s.nextReviewAt} lifecycle={s.lifecycle} />
      </td>
      <td className="inventory__tags">
        {s.tags.slice(0, SHOWN_TAGS).map((tag) => (
          <button key={tag} type="button" className="chip chip--button" title={t("systems.filterByTag", { tag })} onClick={() => onTag(tag)}>
            {tag}
          </button>
        ))}
        {s.tags.length > SHOWN_TAGS && <span className="muted">{t("systems.moreTags", { count: number(s.tags.length - SHOWN_TAGS) })}</span>}
      </td>
      <CustomCells fields={custom} values={s.custom} personName={personName} />
    </tr>
  );
}
