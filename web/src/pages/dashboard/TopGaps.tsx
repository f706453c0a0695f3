import type { DashboardView } from "../../api/compliance.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { distinctTitle } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { drill } from "./drill.ts";

/** The requirements with the most gaps across systems; each opens the rows that fall short. */
export function TopGaps({ gaps }: { gaps: DashboardView["topGaps"] }) {
  const { t, lang, number } = useI18n();
  return (
    <section className="card dashboard__section" aria-labelledby="gaps-title" data-testid="top-gaps">
      <h2 id="gaps-title" className="card__title">
        {t("dashboard.gaps.title")}
      </h2>
      <p className="card__lead">{t("dashboard.gaps.lead")}</p>
      {gaps.length === 0 ? (
        <p className="muted">{t("dashboard.gaps.none")}</p>
      ) : (
        <div className="table-wrap dashboard__table">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.col.rank")}</th>
                <th scope="col">{t("dashboard.col.requirement")}</th>
                <th scope="col" className="table__numeric">
                  <StatusBadge status="not_met" />
                </th>
                <th scope="col" className="table__numeric">
                  <StatusBadge status="partially_met" />
                </th>
                <th scope="col" className="table__numeric">
                  {t("dashboard.col.gapTotal")}
                </th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((g, i) => (
                <tr key={g.urn} data-urn={g.urn}>
                  <td className="table__numeric">{number(i + 1)}</td>
                  <td>
                    <span className="framework-badge">
                      <LocalText text={g.requirement.frameworkName} mark="none" />
                    </span>
                    <Link to={drill.rows({ urn: g.urn, group: "gap" })} data-testid="gap-link">
                      <LocalText text={g.requirement.label} mark="none" />
                    </Link>
                    {distinctTitle(g.requirement.label, g.requirement.title, lang) && (
                      <span className="muted gap-title">
                        {" "}
                        <LocalText text={g.requirement.title} mark="compact" />
                      </span>
                    )}
                  </td>
                  <td className="table__numeric">{number(g.notMet)}</td>
                  <td className="table__numeric">{number(g.partiallyMet)}</td>
                  <td className="table__numeric">
                    <Link to={drill.rows({ urn: g.urn, group: "gap" })}>{number(g.notMet + g.partiallyMet)}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
