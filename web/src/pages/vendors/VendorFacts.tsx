import type { VendorView } from "../../api/vendors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { RatingBadge } from "./RatingBadge.tsx";
import { ContractEnd, NextReview } from "./VendorDates.tsx";

/** What a vendor is: kind, status, rating, owner, services, website, where data goes, contract and review dates. */
export function VendorFacts({ vendor: v }: { vendor: VendorView }) {
  const { t, day, number, dateTime } = useI18n();
  return (
    <section className="card" aria-label={t("vendors.facts")} data-testid="vendor-facts">
      <dl className="facts">
        <dt>{t("vendors.field.code")}</dt>
        <dd className="table__mono">{v.code}</dd>
        <dt>{t("vendors.field.kind")}</dt>
        <dd>{t(`vendors.kind.${v.kind}`)}</dd>
        <dt>{t("vendors.field.status")}</dt>
        <dd>
          <span className={`vendor-status vendor-status--${v.status}`} data-testid="vendor-status-value">
            {t(`vendors.status.${v.status}`)}
          </span>
        </dd>
        <dt>{t("vendors.field.rating")}</dt>
        <dd>
          <RatingBadge rating={v.rating} />
        </dd>
        <dt>{t("vendors.field.owner")}</dt>
        <dd>{v.owner?.displayName ?? <span className="muted">{t("vendors.noOwner")}</span>}</dd>
        <dt>{t("vendors.field.services")}</dt>
        <dd className="pre-text">{v.services || <span className="muted">{t("vendors.none")}</span>}</dd>
        <dt>{t("vendors.field.website")}</dt>
        <dd>
          {v.website ? (
            <a href={v.website} target="_blank" rel="noopener noreferrer">
              {v.website}
            </a>
          ) : (
            <span className="muted">{t("vendors.none")}</span>
          )}
        </dd>
        <dt>{t("vendors.field.dataCountries")}</dt>
        <dd>
          {v.dataCountries.length ? (
            v.dataCountries.map((c) => (
              <span key={c} className="chip">
                {c}
              </span>
            ))
          ) : (
            <span className="muted">{t("vendors.none")}</span>
          )}
        </dd>
        <dt>{t("vendors.field.contract")}</dt>
        <dd>
          {v.contractStart && (
            <>
              {day(v.contractStart)}
              {" – "}
            </>
          )}
          <ContractEnd vendor={v} />
        </dd>
        <dt>{t("vendors.field.reviewMonths")}</dt>
        <dd>{t("vendors.everyMonths", { n: number(v.reviewMonths) })}</dd>
        <dt>{t("vendors.field.lastReviewed")}</dt>
        <dd>{v.lastReviewedAt ? dateTime(v.lastReviewedAt, "date") : <span className="muted">{t("vendors.neverReviewed")}</span>}</dd>
        <dt>{t("vendors.field.nextReview")}</dt>
        <dd>
          <NextReview vendor={v} />
        </dd>
        {v.notes && (
          <>
            <dt>{t("vendors.field.notes")}</dt>
            <dd className="pre-text">{v.notes}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
