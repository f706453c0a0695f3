import type { IncidentView } from "../../api/incidents.ts";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTaxonomy } from "../risks/useRiskRefs.ts";
import { categoryNames } from "./categories.ts";
import { categoryChip } from "./reference-case.ts";

/**
 * The harm in CSET terms, the MIT categories, the rights touched, the people affected and personal
 * data — with the APPI Art. 26 note whenever personal data leaked or may have.
 */
export function IncidentHarms({ incident }: { incident: IncidentView }) {
  const { t, lang, number } = useI18n();
  const names = categoryNames(useTaxonomy(), lang);
  const none = <span className="muted">{t("incidents.none")}</span>;
  const count = (n: number | null) => (n === null ? <span className="muted">{t("incidents.unknown")}</span> : number(n));
  return (
    <section className="card" aria-labelledby="incident-harms-title" data-testid="incident-harms">
      <h2 className="card__title" id="incident-harms-title">
        {t("incidents.section.harm")}
      </h2>
      <dl className="facts">
        <dt>{t("incidents.field.harmLevel")}</dt>
        <dd>{t(`incidents.harmLevel.${incident.harmLevel}`)}</dd>
        <dt>{t("incidents.field.harmTypes")}</dt>
        <dd>{incident.harmTypes.length ? incident.harmTypes.map((h) => <span key={h} className="chip">{t(`incidents.harmType.${h}`)}</span>) : none}</dd>
        <dt>{t("incidents.field.harmBasis")}</dt>
        <dd>{incident.harmBasis.length ? incident.harmBasis.map((h) => <span key={h} className="chip">{t(`incidents.harmBasis.${h}`)}</span>) : none}</dd>
        <dt>{t("incidents.field.rights")}</dt>
        <dd data-testid="incident-rights-value">{incident.rights.length ? incident.rights.map((r) => <span key={r} className="chip">{t(`incidents.right.${r}`)}</span>) : none}</dd>
        <dt>{t("incidents.field.categories")}</dt>
        <dd>
          {incident.categories.length
            ? incident.categories.map((c) => (
                <span key={c} className="chip" title={names.get(c)}>
                  {categoryChip(c, names) ?? t("incidents.categoryLoading")}
                </span>
              ))
            : none}
        </dd>
        <dt>{t("incidents.field.affectedParties")}</dt>
        <dd className="pre-text">{incident.affectedParties || none}</dd>
        <dt>{t("incidents.field.peopleAffected")}</dt>
        <dd>{count(incident.peopleAffected)}</dd>
        <dt>{t("incidents.field.injuries")}</dt>
        <dd>{count(incident.injuries)}</dd>
        <dt>{t("incidents.field.livesLost")}</dt>
        <dd>{count(incident.livesLost)}</dd>
      </dl>
      <h3 className="card__subtitle">{t("incidents.section.personalData")}</h3>
      <dl className="facts">
        <dt>{t("incidents.field.personalData")}</dt>
        <dd data-testid="incident-personal-data-value">{t(`incidents.tristate.${incident.personalData}`)}</dd>
        {incident.personalData !== "no" && (
          <>
            <dt>{t("incidents.field.dataSubjects")}</dt>
            <dd>{count(incident.dataSubjects)}</dd>
            <dt>{t("incidents.field.sensitiveData")}</dt>
            <dd>{t(`incidents.tristate.${incident.sensitiveData}`)}</dd>
          </>
        )}
      </dl>
      {incident.appiReportCheck && (
        <Notice kind="warning" testId="incident-appi-note">
          {t("incidents.appi.hint")}
        </Notice>
      )}
    </section>
  );
}
