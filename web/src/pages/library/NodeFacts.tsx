import type { BilingualText, FrameworkMeta, FrameworkNodeFull, NodeDetail } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { scriptLang } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { useCurrencyText } from "./currency.ts";
import { TagChips } from "./TagChips.tsx";
import { nodePath, nodeTypeKey } from "./vocabulary.ts";

/** A node this one refers to, named by the server (its framework and label). */
export interface NodeReference {
  urn: string;
  frameworkName?: BilingualText;
  label?: BilingualText;
}

/**
 * The node's kind, addressees, tags, dates (with the schedule of staged application) and notes, all
 * in words; its identifier (URN) only behind a labelled disclosure for technical users.
 */
export function NodeFacts({ node, framework: fw, currency, references }: { node: FrameworkNodeFull; framework: FrameworkMeta; currency?: NodeDetail["currency"]; references?: NodeReference[] }) {
  const { t, day, number } = useI18n();
  const currencyText = useCurrencyText();
  const typeKey = nodeTypeKey(node.type);
  const dates = node.dates;
  return (
    <section className="card" aria-labelledby="node-facts">
      <h2 id="node-facts" className="card__title">
        {t("library.details")}
      </h2>
      <dl className="facts">
        <dt>{t("library.nodeType")}</dt>
        <dd>
          {typeKey && t(typeKey)}
        </dd>
        <dt>{t("library.requirement")}</dt>
        <dd>{t(node.requirement ? "library.isRequirement" : "library.notRequirement")}</dd>
        {node.obligation && (
          <>
            <dt>{t("library.obligation")}</dt>
            <dd data-testid="node-obligation">
              {node.obligation.kinds.map((kind) => (
                <span key={kind} className="chip">
                  {t(`library.obligation.${kind}`)}
                </span>
              ))}
              <span className="muted">
                {" "}
                <LocalText text={node.obligation.wording} mark="compact" />
              </span>
              <p className="field__hint">{t("library.obligation.hint")}</p>
            </dd>
          </>
        )}
        {currency && (
          <>
            <dt>{t("library.currency")}</dt>
            <dd data-testid="node-currency">
              {currency.missing?.map((a) => (
                <p key={a.id} className="currency-warning" role="note">
                  {currencyText.missing(a, currency.textAsOf)}
                </p>
              ))}
              {currency.changes?.map((a) => (
                <p key={a.id} className="currency-change">
                  {currencyText.change(a)}{" "}
                  <span className="muted">
                    <LocalText text={a.basis} mark="compact" />
                  </span>
                </p>
              ))}
            </dd>
          </>
        )}
        {node.actors && node.actors.length > 0 && (
          <>
            <dt>{t("library.actors")}</dt>
            <dd>
              {node.actors.map((a) => {
                const role = fw.actorRoles.find((r) => r.id === a);
                return (
                  role && (
                    <span key={a} className="chip chip--actor">
                      <LocalText text={role.name} mark="compact" />
                    </span>
                  )
                );
              })}
            </dd>
          </>
        )}
        {node.tags && node.tags.length > 0 && (
          <>
            <dt>{t("library.tags")}</dt>
            <dd>
              <TagChips tags={node.tags} />
              <p className="field__hint">{t("library.tags.hint")}</p>
            </dd>
          </>
        )}
        {dates?.appliesFrom && (
          <>
            <dt>{t("library.appliesFrom")}</dt>
            <dd>{day(dates.appliesFrom)}</dd>
          </>
        )}
        {dates?.originalAppliesFrom && (
          <>
            <dt>{t("library.originalAppliesFrom")}</dt>
            <dd>{day(dates.originalAppliesFrom)}</dd>
          </>
        )}
        {dates?.status && (
          <>
            <dt>{t("library.status")}</dt>
            <dd>{t(`library.nodeStatus.${dates.status}`)}</dd>
          </>
        )}
        {dates?.note && (
          <>
            <dt>{t("library.dateNote")}</dt>
            <dd>
              <LocalText text={dates.note} />
            </dd>
          </>
        )}
        {node.refersTo && node.refersTo.length > 0 && (
          <>
            <dt>{t("library.refersTo")}</dt>
            <dd className="inline-list">
              {node.refersTo.map((urn, i) => {
                const ref = references?.find((r) => r.urn === urn);
                return (
                  <Link key={urn} to={nodePath(urn)}>
                    {ref?.label ? <LocalText text={ref.label} mark="none" /> : t("library.pathStepUnnamed", { n: number(i + 1) })}
                  </Link>
                );
              })}
            </dd>
          </>
        )}
      </dl>
      {dates?.schedule && dates.schedule.length > 0 && (
        <>
          <h3 className="card__subtitle">{t("library.schedule")}</h3>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("library.appliesFrom")}</th>
                  <th scope="col">{t("library.scheduleScope")}</th>
                  <th scope="col">{t("library.scheduleBasis")}</th>
                </tr>
              </thead>
              <tbody>
                {dates.schedule.map((s, i) => (
                  <tr key={i}>
                    <td className="table__nowrap">{day(s.appliesFrom)}</td>
                    <td>
                      <LocalText text={s.scope} mark="compact" />
                    </td>
                    <td className="schedule-basis" lang={scriptLang(s.basis)}>
                      {s.basis}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {node.notes && node.notes.length > 0 && (
        <>
          <h3 className="card__subtitle">{t("library.notes")}</h3>
          <ul className="node-notes">
            {node.notes.map((n, i) => (
              <li key={i}>
                <LocalText text={n} />
              </li>
            ))}
          </ul>
        </>
      )}
      <details className="source-details" data-testid="node-identifier">
        <summary>{t("library.nodeId.summary")}</summary>
        <p className="source-details__hint">{t("library.nodeId.hint")}</p>
        <code className="node-id">{node.urn}</code>
      </details>
    </section>
  );
}
