import type { RiskMatrix, RiskRating, RiskView } from "../../api/risks.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { RatingBadge } from "./RatingBadge.tsx";
import { STATUS_LABELS, TREATMENT_LABELS } from "./risk-labels.ts";
import { localName } from "./risk-matrix.ts";
import { groupCategories } from "./risk-taxonomy.ts";
import { useTaxonomy } from "./useRiskRefs.ts";

/** A rating with its levels spelled out as the organisation's matrix names them. */
function RatingFact({ rating, matrix }: { rating: RiskRating | null; matrix: RiskMatrix | undefined }) {
  const { t, lang } = useI18n();
  if (!rating) return <span className="muted">{t("risks.rating.notAssessed")}</span>;
  const l = matrix?.likelihood[rating.likelihood - 1];
  const i = matrix?.impact[rating.impact - 1];
  return (
    <span className="risk-rating-fact">
      <RatingBadge rating={rating} matrix={matrix} />
      {l && i && <span className="muted">{t("risks.rating.levels", { likelihood: localName(l, lang), impact: localName(i, lang) })}</span>}
    </span>
  );
}

/** What the risk is, where, how bad before and after treatment, how it is treated and who owns it. */
export function RiskFacts({ risk, matrix }: { risk: RiskView; matrix: RiskMatrix | undefined }) {
  const { t, lang, day, dateTime } = useI18n();
  return (
    <section className="card" aria-label={t("risks.facts")} data-testid="risk-facts">
      <dl className="facts">
        <dt>{t("risks.field.code")}</dt>
        <dd className="table__mono">{risk.code}</dd>
        <dt>{t("risks.field.status")}</dt>
        <dd>
          <span className={`risk-status risk-status--${risk.status}`} data-testid="risk-status-value">
            {t(STATUS_LABELS[risk.status])}
          </span>
        </dd>
        <dt>{t("risks.field.system")}</dt>
        <dd>
          {risk.system ? (
            <Link to={`/systems/${encodeURIComponent(risk.system.id)}`} data-testid="risk-system-link">
              {`${risk.system.code} ${lang === "ja" ? risk.system.nameJa : risk.system.nameEn}`}
            </Link>
          ) : (
            <span className="muted">{t("risks.orgWide")}</span>
          )}
        </dd>
        <dt>{t("risks.field.owner")}</dt>
        <dd>{risk.owner?.displayName ?? <span className="muted">{t("risks.noOwner")}</span>}</dd>
        <dt>{t("risks.inherent")}</dt>
        <dd data-testid="risk-inherent">
          <RatingFact rating={risk.inherent} matrix={matrix} />
        </dd>
        <dt>{t("risks.residual")}</dt>
        <dd data-testid="risk-residual">
          <RatingFact rating={risk.residual} matrix={matrix} />
        </dd>
        <dt>{t("risks.field.treatment")}</dt>
        <dd data-testid="risk-treatment-value">{risk.treatment ? t(TREATMENT_LABELS[risk.treatment]) : <span className="muted">{t("risks.treatment.none")}</span>}</dd>
        <dt>{t("risks.field.treatmentPlan")}</dt>
        <dd className="pre-text">{risk.treatmentPlan || <span className="muted">{t("risks.noTreatmentPlan")}</span>}</dd>
        <dt>{t("risks.field.description")}</dt>
        <dd className="pre-text">{risk.description || <span className="muted">{t("risks.noDescription")}</span>}</dd>
        <dt>{t("risks.field.lastReviewedAt")}</dt>
        <dd>{risk.lastReviewedAt ? dateTime(risk.lastReviewedAt) : <span className="muted">{t("risks.review.never")}</span>}</dd>
        <dt>{t("risks.field.nextReviewOn")}</dt>
        <dd data-testid="risk-next-review-value">
          {risk.nextReviewOn ? day(risk.nextReviewOn) : <span className="muted">{t("risks.review.notScheduled")}</span>}
          {risk.reviewOverdue && <span className="date-badge risk-badge--overdue">{t("risks.review.overdue")}</span>}
        </dd>
        <dt>{t("risks.field.updatedAt")}</dt>
        <dd>{dateTime(risk.updatedAt)}</dd>
      </dl>
    </section>
  );
}

/** The controls treating the risk, linked to their pages, with their status. */
export function RiskControls({ risk }: { risk: RiskView }) {
  const { t, lang, label } = useI18n();
  return (
    <section className="card" aria-labelledby="risk-controls-title" data-testid="risk-controls-card">
      <h2 className="card__title" id="risk-controls-title">
        {t("risks.field.controls")}
      </h2>
      {risk.controls.length === 0 ? (
        <p className="muted">{t("risks.noControls")}</p>
      ) : (
        <ul className="risk-links">
          {risk.controls.map((c) => (
            <li key={c.id} data-testid="risk-control">
              <Link to={`/controls/${encodeURIComponent(c.id)}`}>
                <span className="table__mono">{c.code}</span> {lang === "ja" ? c.titleJa : c.titleEn}
              </Link>
              <span className="muted risk-links__meta">{label("compliance.status.", c.status)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** How the risk is classified: MIT AI Risk Repository categories by name, and J-AISI perspectives. */
export function RiskClassification({ risk }: { risk: RiskView }) {
  const { t, lang } = useI18n();
  const { can } = useSignedIn();
  const taxonomy = useTaxonomy(can("library.read"));
  const grouped = taxonomy ? groupCategories(taxonomy, risk.categories, lang) : undefined;
  return (
    <section className="card" aria-labelledby="risk-classification-title" data-testid="risk-classification">
      <h2 className="card__title" id="risk-classification-title">
        {t("risks.classification")}
      </h2>
      <h3 className="card__subtitle risk-subtitle--first">{t("risks.field.categories")}</h3>
      {risk.categories.length === 0 ? (
        <p className="muted">{t("risks.noCategories")}</p>
      ) : grouped ? (
        <ul className="risk-links" data-testid="risk-categories-value">
          {grouped.groups.map((g) => (
            <li key={g.id}>
              <span className={g.chosen ? "risk-category__domain" : "risk-category__dimension"}>{g.name}</span>
              {g.items.length > 0 && (
                <ul className="plain-list">
                  {g.items.map((s) => (
                    <li key={s.id}>
                      {/^\d/.test(s.id) && <span className="category-picker__id">{s.id}</span>}
                      {s.name}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
          {grouped.unknown.map((id) => (
            <li key={id} className="table__mono">
              {id}
            </li>
          ))}
        </ul>
      ) : (
        <p className="table__mono">{risk.categories.join(", ")}</p>
      )}
      <h3 className="card__subtitle">{t("risks.field.perspectives")}</h3>
      {risk.perspectives.length === 0 ? (
        <p className="muted">{t("risks.noPerspectives")}</p>
      ) : (
        <ul className="risk-links" data-testid="risk-perspectives-value">
          {risk.perspectives.map((p) => (
            <li key={p.urn}>
              {can("library.read") ? (
                <Link to={`/library/node/${encodeURIComponent(p.urn)}`} lang={lang === "en" && p.en ? "en" : "ja"}>
                  {lang === "en" && p.en ? p.en : p.ja}
                </Link>
              ) : (
                <span lang={lang === "en" && p.en ? "en" : "ja"}>{lang === "en" && p.en ? p.en : p.ja}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
