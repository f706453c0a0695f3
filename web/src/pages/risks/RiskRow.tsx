import type { FieldView } from "../../api/fields.ts";
import type { RiskMatrix, RiskView } from "../../api/risks.ts";
import { CustomCells } from "../../components/custom/CustomColumns.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { RatingBadge } from "./RatingBadge.tsx";
import { riskPath, STATUS_LABELS, TREATMENT_LABELS } from "./risk-labels.ts";

interface RiskRowProps {
  risk: RiskView;
  matrix: RiskMatrix | undefined;
  /** The organisation's fields shown as columns. */
  custom: readonly FieldView[];
  personName(id: string): string | undefined;
}

/** One risk in the register: what it is, where, how bad now, how it is treated, who owns it, when it is next looked at, and the organisation's listed fields. */
export function RiskRow({ risk, matrix, custom, personName }: RiskRowProps) {
  const { t, lang, day } = useI18n();
  const current = risk.residual ?? risk.inherent;
  return (
    <tr data-testid="risk-row" data-risk-id={risk.id}>
      <td className="table__mono table__nowrap">
        <Link to={riskPath(risk.id)}>{risk.code}</Link>
      </td>
      <td className="table__primary">
        <Link to={riskPath(risk.id)} className="row-link">
          {lang === "ja" ? risk.titleJa : risk.titleEn}
        </Link>
      </td>
      <td>
        {risk.system ? (
          <Link to={`/systems/${encodeURIComponent(risk.system.id)}`}>{lang === "ja" ? risk.system.nameJa : risk.system.nameEn}</Link>
        ) : (
          <span className="muted">{t("risks.orgWide")}</span>
        )}
      </td>
      <td className="table__nowrap" data-testid="risk-row-rating">
        <RatingBadge rating={current} matrix={matrix} />
        {!risk.residual && <span className="risk-row__basis muted">{t("risks.rating.inherentOnly")}</span>}
      </td>
      <td>{risk.treatment ? t(TREATMENT_LABELS[risk.treatment]) : <span className="muted">{t("risks.treatment.none")}</span>}</td>
      <td className="table__nowrap">
        <span className={`risk-status risk-status--${risk.status}`}>{t(STATUS_LABELS[risk.status])}</span>
        {risk.acceptance?.expired && <span className="date-badge risk-badge--overdue">{t("risks.acceptance.expiredShort")}</span>}
      </td>
      <td>{risk.owner?.displayName ?? <span className="muted">{t("risks.noOwner")}</span>}</td>
      <td className="table__nowrap">
        {risk.nextReviewOn ? day(risk.nextReviewOn) : <span className="muted">{t("risks.review.notScheduled")}</span>}
        {risk.reviewOverdue && (
          <span className="date-badge risk-badge--overdue" data-testid="risk-review-overdue">
            {t("risks.review.overdue")}
          </span>
        )}
      </td>
      <CustomCells fields={custom} values={risk.custom} personName={personName} />
    </tr>
  );
}
