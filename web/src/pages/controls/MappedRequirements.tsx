import type { ControlView } from "../../api/compliance.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { distinctTitle } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { drill } from "../dashboard/drill.ts";
import { nodePath } from "../library/vocabulary.ts";
import { groupByFramework } from "./control-paths.ts";

/** The requirements the control answers, by framework: each opens its library text and its assessment rows. */
export function MappedRequirements({ control }: { control: ControlView }) {
  const { t, lang } = useI18n();
  const groups = groupByFramework(control.requirements);
  return (
    <section className="card" aria-labelledby="mapped-title" data-testid="mapped-requirements">
      <h2 id="mapped-title" className="card__title">
        {t("controls.mapped.title")}
      </h2>
      <p className="card__lead">{t("controls.mapped.lead")}</p>
      {groups.length === 0 && <p className="muted">{t("controls.mapped.none")}</p>}
      {groups.map((g) => (
        <div key={g.framework} className="mapped-group">
          <h3 className="mapped-group__title">
            <LocalText text={g.items[0]!.frameworkName} mark="compact" />
          </h3>
          <ul className="mapped-group__list">
            {g.items.map((r) => (
              <li key={r.urn}>
                <Link to={nodePath(r.urn)}>
                  <LocalText text={r.label} mark="none" />
                </Link>
                {distinctTitle(r.label, r.title, lang) && (
                  <span className="muted">
                    {" "}
                    <LocalText text={r.title} mark="compact" />
                  </span>
                )}
                <Link to={drill.rows({ urn: r.urn })} className="mapped-group__rows">
                  {t("controls.mapped.rows")}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
