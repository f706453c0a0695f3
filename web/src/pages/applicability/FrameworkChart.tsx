import type { ApplicabilityReport } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** Requirements per framework: in force now (solid) and from later dates (lighter), as plain SVG bars. */
export function FrameworkChart({ frameworks }: { frameworks: ApplicabilityReport["frameworks"] }) {
  const { t, number } = useI18n();
  const max = Math.max(1, ...frameworks.map((f) => f.current + f.upcoming));
  if (frameworks.length === 0) return null;
  return (
    <figure className="fw-chart" data-testid="framework-chart">
      <figcaption className="fw-chart__legend">
        <span className="fw-chart__key fw-chart__key--current" aria-hidden="true" />
        {t("applicability.chart.current")}
        <span className="fw-chart__key fw-chart__key--upcoming" aria-hidden="true" />
        {t("applicability.chart.upcoming")}
      </figcaption>
      <table className="fw-chart__table">
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t("applicability.chart.framework")}</th>
            <th scope="col">{t("applicability.chart.bar")}</th>
            <th scope="col">{t("applicability.chart.counts")}</th>
          </tr>
        </thead>
        <tbody>
          {frameworks.map((f) => {
            const current = (f.current / max) * 100;
            const upcoming = (f.upcoming / max) * 100;
            return (
              <tr key={f.framework}>
                <th scope="row" className="fw-chart__name">
                  <LocalText text={f.name} mark="compact" />
                </th>
                <td className="fw-chart__bar-cell">
                  <svg className="fw-chart__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect className="fw-chart__track" x="0" y="0" width="100" height="10" />
                    <rect className="fw-chart__current" x="0" y="0" width={current} height="10" />
                    <rect className="fw-chart__upcoming" x={current} y="0" width={upcoming} height="10" />
                  </svg>
                </td>
                <td className="fw-chart__counts">
                  {number(f.current)}
                  {f.upcoming > 0 && <span className="fw-chart__later">{t("applicability.chart.plusLater", { count: number(f.upcoming) })}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
