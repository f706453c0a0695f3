import type { BilingualText, NodeDetail, NodeRefView, Relationship } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { distinctTitle } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { nodePath, RELATIONSHIP_KEYS } from "./vocabulary.ts";

/** A step of a crosswalk path; the server names its node (framework and label) so no URN is shown. */
type PathStep = NodeDetail["covers"][number]["path"][number] & { frameworkName?: BilingualText; label?: BilingualText };

/** "Crosswalk neighbours" and "satisfying this also covers…": what the crosswalks say about this node. */
export function NodeCrosswalks({ detail }: { detail: NodeDetail }) {
  const { t, number } = useI18n();
  const { neighbours, covers } = detail;
  return (
    <>
      <section className="card" aria-labelledby="node-neighbours" data-testid="node-neighbours">
        <h2 id="node-neighbours" className="card__title">
          {t("library.neighbours")}
        </h2>
        <p className="card__lead">{t("library.neighboursHint")}</p>
        {neighbours.length === 0 ? (
          <p className="muted">{t("library.neighboursNone")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("library.relationship")}</th>
                  <th scope="col">{t("library.counterpart")}</th>
                  <th scope="col">{t("library.provenance")}</th>
                  <th scope="col">{t("library.rationale")}</th>
                </tr>
              </thead>
              <tbody>
                {neighbours.map((n, i) => (
                  <tr key={`${n.crosswalk}-${n.node.urn}-${i}`}>
                    <td className="table__nowrap">
                      <RelationshipWord relationship={n.relationship} />
                    </td>
                    <td>
                      <NodeRefLink node={n.node} />
                    </td>
                    <td className="table__nowrap">
                      <span className={`provenance provenance--${n.provenance}`}>{t(`library.provenance.${n.provenance}`)}</span>
                    </td>
                    <td className="rationale">
                      <LocalText text={n.rationale} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {(covers.length > 0 || neighbours.length > 0) && (
        <section className="card" aria-labelledby="node-covers" data-testid="node-covers">
          <h2 id="node-covers" className="card__title">
            {t("library.covers")}
          </h2>
          <p className="card__lead">{t("library.coversHint")}</p>
          {covers.length === 0 ? (
            <p className="muted">{t("library.coversNone")}</p>
          ) : (
            <ul className="cover-list">
              {covers.map((c) => (
                <li key={c.node.urn} className="cover-item">
                  <div className="cover-item__head">
                    <span className={c.full ? "strength strength--full" : "strength strength--partial"}>
                      {t(c.full ? "library.coverFull" : "library.coverPartial")}
                    </span>
                    <NodeRefLink node={c.node} />
                    <span className="muted cover-item__hops">{t("library.hops", { count: number(c.hops) })}</span>
                    {c.path.every((p) => p.provenance === "official") ? (
                      <span className="provenance provenance--official">{t("library.provenance.official")}</span>
                    ) : (
                      <span className="provenance provenance--editorial">{t("library.provenance.editorial")}</span>
                    )}
                  </div>
                  <ol className="cover-path" aria-label={t("library.path")}>
                    {c.path.map((step: PathStep, i) => (
                      <li key={i} className="cover-path__step">
                        <RelationshipWord relationship={step.relationship} />
                        <span aria-hidden="true" className="cover-path__arrow">
                          →
                        </span>
                        <Link to={nodePath(step.to)} className="cover-path__node">
                          {step.frameworkName && step.label ? (
                            <>
                              <LocalText text={step.frameworkName} mark="none" /> <LocalText text={step.label} mark="none" />
                            </>
                          ) : (
                            t("library.pathStepUnnamed", { n: number(i + 1) })
                          )}
                        </Link>
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

/** A relationship in words, with what it means on hover. */
export function RelationshipWord({ relationship }: { relationship: Relationship }) {
  const { t } = useI18n();
  const keys = RELATIONSHIP_KEYS[relationship];
  return (
    <span className={`rel rel--${relationship}`} title={t(keys.explain)}>
      {t(keys.word)}
    </span>
  );
}

/** Framework badge, label and title of a node elsewhere in the library, linking to it. */
export function NodeRefLink({ node }: { node: NodeRefView }) {
  const { lang } = useI18n();
  return (
    <span className="node-ref">
      <span className="framework-badge">
        <LocalText text={node.frameworkName} mark="none" />
      </span>
      <Link to={nodePath(node.urn)} className="node-ref__link">
        <LocalText text={node.label} mark="none" />
      </Link>
      {distinctTitle(node.label, node.title, lang) && (
        <span className="node-ref__title">
          <LocalText text={node.title} mark="compact" />
        </span>
      )}
    </span>
  );
}
