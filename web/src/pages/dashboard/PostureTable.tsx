import type { DashboardView } from "../../api/compliance.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { toneStyle } from "../../components/StatusBadge.tsx";
import { ITEM_STATUS_LABELS, ITEM_STATUS_ORDER, ITEM_STATUS_TONES } from "../../components/status-tones.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { drill } from "./drill.ts";

/** Met share of the rows that can be met (not-applicable rows left out), as a whole percentage. */
export function metShare(f: DashboardView["frameworks"][number]): number | undefined {
  const applicable = f.total - (f.counts.not_applicable ?? 0);
  return applicable > 0 ? Math.round(((f.counts.met ?? 0) / applicable) * 100) : undefined;
}

/** The posture chart's numbers as a table: systems in scope and assessed, and rows per status, each a link. */
export function PostureTable({ frameworks }: { frameworks: DashboardView["frameworks"] }) {
  const { t, number } = useI18n();
  return (
    <div className="table-wrap dashboard__table">
      <table className="table table--compact posture-table" data-testid="posture-table">
        <caption className="visually-hidden">{t("dashboard.posture.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dashboard.col.framework")}</th>
            <th scope="col" className="table__numeric">
              {t("dashboard.col.systems")}
            </th>
            {ITEM_STATUS_ORDER.map((s) => (
              <th key={s} scope="col" className="table__numeric">
                <span className="tone-dot" style={toneStyle(ITEM_STATUS_TONES[s])} aria-hidden="true" />
                {"\u00a0"}
                {t(ITEM_STATUS_LABELS[s])}
              </th>
            ))}
            <th scope="col" className="table__numeric">
              {t("dashboard.col.total")}
            </th>
            <th scope="col" className="table__numeric">
              {t("dashboard.col.metShare")}
            </th>
          </tr>
        </thead>
        <tbody>
          {frameworks.map((f) => {
            const share = metShare(f);
            return (
              <tr key={f.framework} data-testid={`posture-${f.framework}`}>
                <th scope="row" className="table__primary">
                  <LocalText text={f.name} mark="compact" />
                </th>
                <td className="table__numeric table__nowrap" data-testid={`systems-${f.framework}`}>
                  {t("dashboard.systemsAssessed", { assessed: number(f.assessed), inScope: number(f.inScope) })}
                </td>
                {ITEM_STATUS_ORDER.map((s) => (
                  <td key={s} className="table__numeric">
                    {(f.counts[s] ?? 0) > 0 ? (
                      <Link to={drill.rows({ framework: f.framework, status: s })} data-testid={`count-${f.framework}-${s}`}>
                        {number(f.counts[s])}
                      </Link>
                    ) : (
                      <span className="muted" data-testid={`count-${f.framework}-${s}`}>
                        {number(0)}
                      </span>
                    )}
                  </td>
                ))}
                <td className="table__numeric">
                  {f.total > 0 ? <Link to={drill.rows({ framework: f.framework })}>{number(f.total)}</Link> : <span className="muted">{number(0)}</span>}
                </td>
                <td className="table__numeric">{share === undefined ? "—" : t("dashboard.percent", { value: number(share) })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
