import { Fragment } from "react";
import type { FrameworkMeta, LicenceInfo } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { FrameworkNameFacts } from "./FrameworkName.tsx";
import { FrameworkSource } from "./FrameworkSource.tsx";
import { jurisdictionKey, nodePath } from "./vocabulary.ts";

const DATE_FIELDS = ["publishedOn", "effectiveFrom", "generalApplicationFrom", "lastAmendedOn", "textAsOf", "statusAsOf"] as const;

/**
 * A framework version's metadata: its names (whose words each is), issuer, legal effect, dates,
 * status, source and licences, and actor roles.
 */
export function FrameworkFacts({ framework: fw }: { framework: FrameworkMeta }) {
  const { t, day, number } = useI18n();
  const jurisdiction = jurisdictionKey(fw.jurisdiction);
  const dates = DATE_FIELDS.filter((f) => fw.dates[f]);
  return (
    <div className="framework-facts">
      <SilenceBox framework={fw} />
      <div className="two-column">
        <section className="card" aria-labelledby="fw-about">
          <h2 id="fw-about" className="card__title">
            {t("library.about")}
          </h2>
          <dl className="facts">
            <FrameworkNameFacts framework={fw} />
            <dt>{t("library.issuer")}</dt>
            <dd>
              {fw.issuer.map((issuer, i) => (
                <div key={i}>
                  <LocalText text={issuer} />
                </div>
              ))}
            </dd>
            <dt>{t("library.jurisdiction")}</dt>
            <dd>{jurisdiction ? t(jurisdiction) : fw.jurisdiction}</dd>
            <dt>{t("library.legalEffect")}</dt>
            <dd>
              <LocalText text={fw.legalEffect} />
            </dd>
            {fw.status && (
              <>
                <dt>{t("library.status")}</dt>
                <dd>
                  <LocalText text={fw.status} />
                </dd>
              </>
            )}
            {dates.map((f) => (
              <Fragment key={f}>
                <dt>{t(`library.date.${f}`)}</dt>
                <dd>{day(fw.dates[f]!)}</dd>
              </Fragment>
            ))}
            <dt>{t("library.counts")}</dt>
            <dd>{t("library.requirementCount", { count: number(fw.counts.requirements), nodes: number(fw.counts.nodes) })}</dd>
          </dl>
        </section>
        <FrameworkSource framework={fw} />
      </div>
      {fw.actorRoles.length > 0 && (
        <section className="card" aria-labelledby="fw-actors">
          <h2 id="fw-actors" className="card__title">
            {t("library.actorRoles")}
          </h2>
          <ul className="actor-roles">
            {fw.actorRoles.map((role) => (
              <li key={role.id}>
                <span className="chip chip--actor">
                  <LocalText text={role.name} mark="compact" />
                </span>
                {role.definedAt && (
                  <Link to={nodePath(role.definedAt)} className="actor-roles__def">
                    {t("library.definedAt")}
                  </Link>
                )}
                {role.note && (
                  <span className="muted actor-roles__note">
                    <LocalText text={role.note} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** "What the sources do not say": kept in view so nobody mistakes a gap in the sources for one in Musubi. */
export function SilenceBox({ framework: fw }: { framework: FrameworkMeta }) {
  const { t } = useI18n();
  if (fw.silence.length === 0) return null;
  return (
    <section className="silence-box" aria-labelledby="fw-silence" data-testid="silence-box">
      <h2 id="fw-silence" className="silence-box__title">
        {t("library.silence")}
      </h2>
      <p className="silence-box__hint">{t("library.silenceHint")}</p>
      <ul>
        {fw.silence.map((s, i) => (
          <li key={i}>
            <LocalText text={s} />
          </li>
        ))}
      </ul>
    </section>
  );
}
