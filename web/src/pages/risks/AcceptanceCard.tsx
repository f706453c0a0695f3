import type { RiskView } from "../../api/risks.ts";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { BAR_LABELS, fetchAcceptanceCheck } from "./acceptance-check.ts";

/**
 * The risk's acceptance: who accepted it, when, until when and why. An expired acceptance stays
 * visible, marked, because the risk then needs a fresh decision. Under segregation of duties the
 * card also names who may not accept it (owner, registrant, raters), so whoever is asked to decide
 * knows before opening the dialog.
 */
export function AcceptanceCard({ risk }: { risk: RiskView }) {
  const { t, lang, day, dateTime } = useI18n();
  const a = risk.acceptance;
  const check = useResource((signal) => fetchAcceptanceCheck(risk.id, signal), `${risk.id}@${risk.version}`);
  const join = (items: string[]) => new Intl.ListFormat(lang, { type: "conjunction" }).format(items);
  const barred = check.data?.segregationOfDuties ? check.data.barred : [];
  const people = barred.map((b) => t("risks.sod.person", { name: b.displayName, reasons: join(b.reasons.map((r) => t(BAR_LABELS[r]))) }));
  return (
    <section className={a?.expired ? "card risk-acceptance risk-acceptance--expired" : "card risk-acceptance"} aria-labelledby="risk-acceptance-title" data-testid="risk-acceptance">
      <h2 className="card__title" id="risk-acceptance-title">
        {t("risks.acceptance.title")}
        {a?.expired && (
          <span className="date-badge risk-badge--overdue" data-testid="risk-acceptance-expired">
            {t("risks.acceptance.expired")}
          </span>
        )}
      </h2>
      {!a ? (
        <p className="muted">{t("risks.acceptance.none")}</p>
      ) : (
        <dl className="facts">
          <dt>{t("risks.acceptance.by")}</dt>
          <dd data-testid="risk-accepted-by">{a.by.displayName}</dd>
          <dt>{t("risks.acceptance.at")}</dt>
          <dd>{dateTime(a.at)}</dd>
          <dt>{t("risks.acceptance.until")}</dt>
          <dd data-testid="risk-accepted-until">{day(a.expiresOn)}</dd>
          <dt>{t("risks.acceptance.reason")}</dt>
          <dd className="pre-text">{a.note}</dd>
        </dl>
      )}
      {risk.status !== "closed" && people.length > 0 && (
        <p className="muted" data-testid="risk-sod-barred">
          {t("risks.sod.barred", { people: join(people) })}
        </p>
      )}
    </section>
  );
}
