import type { ItemView } from "../../api/compliance.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { distinctTitle } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { drill } from "../dashboard/drill.ts";
import { nodePath } from "../library/vocabulary.ts";

/** One assessment row: system, requirement, effective status and where that status came from. */
export function ItemRow({ item }: { item: ItemView }) {
  const { t, lang, day } = useI18n();
  const req = item.requirement;
  return (
    <tr data-testid="item-row">
      <td>
        <Link to={drill.system(item.system.id)} className="table__primary">
          <span className="table__mono">{item.system.code}</span> {lang === "ja" ? item.system.nameJa : item.system.nameEn}
        </Link>
      </td>
      <td>
        <span className="framework-badge">
          <LocalText text={req.frameworkName} mark="none" />
        </span>
        <Link to={nodePath(req.urn)}>
          <LocalText text={req.label} mark="none" />
        </Link>
        {distinctTitle(req.label, req.title, lang) && (
          <span className="muted item-row__title">
            {" "}
            <LocalText text={req.title} mark="compact" />
          </span>
        )}
      </td>
      <td>
        <StatusBadge status={item.effective} />
      </td>
      <td className="item-row__source">
        <ItemSource item={item} />
      </td>
      <td>{item.owner?.displayName ?? <span className="muted">{t("items.noOwner")}</span>}</td>
      <td className="table__nowrap">{item.dueDate ? day(item.dueDate) : <span className="muted">—</span>}</td>
    </tr>
  );
}

/** Who said so: a person, an accepted inference, the mapped controls, or nobody yet. */
function ItemSource({ item }: { item: ItemView }) {
  const { t, lang } = useI18n();
  if (item.answer && item.answerSource === "inferred") return <span className="tag tag--neutral">{t("items.source.inferred")}</span>;
  if (item.answer) return <span className="tag tag--neutral">{t("items.source.person")}</span>;
  if (item.fromControls) {
    return (
      <>
        <span className="tag tag--neutral">{t("items.source.controls")}</span>{" "}
        {item.controls.map((c) => (
          <Link key={c.id} to={`/controls/${encodeURIComponent(c.id)}`} className="item-row__control" title={lang === "ja" ? c.titleJa : c.titleEn}>
            {c.code}
          </Link>
        ))}
      </>
    );
  }
  return <span className="muted">{t("items.source.none")}</span>;
}
