import { useEffect } from "react";
import { libraryApi } from "../../api/endpoints.ts";
import type { NodeDetail } from "../../api/types.ts";
import { LoadState } from "../../components/LoadState.tsx";
import { LocalText } from "../../components/LocalText.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { distinctTitle } from "../../i18n/text.ts";
import { Link, type RouteParams } from "../../router/router.tsx";
import { LicenceList } from "./FrameworkSource.tsx";
import { NodeCrosswalks } from "./NodeCrosswalks.tsx";
import { NodeFacts } from "./NodeFacts.tsx";
import { NodeText } from "./NodeText.tsx";
import { frameworkPath, nodePath } from "./vocabulary.ts";
import "./library.css";
import "./node.css";

/** One node of a framework: where it sits, its text in both languages, its dates, and its crosswalks. */
export function NodePage({ params }: { params: RouteParams }) {
  const urn = params.urn ?? "";
  const res = useResource((signal) => libraryApi.node(urn, signal), urn);
  // A block, not an expression: Chromium's scrollTo returns a promise, which React would call as the cleanup.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);
  return (
    <div className="library-page" data-testid="page-node">
      <LoadState loading={res.loading && !res.data} error={res.error} onRetry={res.reload} notFoundPage />
      {res.data && <NodeView detail={res.data} />}
    </div>
  );
}

function NodeView({ detail }: { detail: NodeDetail }) {
  const { t, lang } = useI18n();
  const { node, framework: fw, ancestors, children } = detail;
  return (
    <>
      <nav className="breadcrumb" aria-label={t("library.breadcrumb")}>
        <Link to="/library">{t("nav.library")}</Link>
        <Link to={frameworkPath(fw.framework, fw.version)}>
          <LocalText text={fw.shortName ?? fw.name} mark="none" /> <span className="muted">{fw.version}</span>
        </Link>
        {ancestors.map((a) => (
          <Link key={a.id} to={nodePath(a.urn)}>
            <LocalText text={a.label} mark="none" />
          </Link>
        ))}
      </nav>
      <div className="page-header">
        <div>
          <h1 className="page-header__title" data-testid="node-label">
            <LocalText text={node.ref.label} />
            {node.requirement && <span className="req-badge req-badge--large">{t("library.requirement")}</span>}
          </h1>
          {distinctTitle(node.ref.label, node.title, lang) && (
            <p className="page-header__subtitle node-title">
              <LocalText text={node.title} />
            </p>
          )}
        </div>
        {node.ref.url && (
          <a className="button button--small" href={node.ref.url} target="_blank" rel="noreferrer noopener">
            {t("library.openSource")}
          </a>
        )}
      </div>
      <NodeText node={node} />
      <NodeFacts node={node} framework={fw} currency={detail.currency} references={detail.references} />
      {children.length > 0 && (
        <section className="card" aria-labelledby="node-children">
          <h2 id="node-children" className="card__title">
            {t("library.children")}
          </h2>
          <ul className="child-list">
            {children.map((c) => (
              <li key={c.id}>
                <Link to={nodePath(c.urn)}>
                  <LocalText text={c.label} mark="none" />
                </Link>
                {distinctTitle(c.label, c.title, lang) && (
                  <span className="child-list__title">
                    <LocalText text={c.title} mark="compact" />
                  </span>
                )}
                {c.requirement && <span className="req-badge">{t("library.requirement")}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <NodeCrosswalks detail={detail} />
      <section className="licence-line" aria-label={t("library.licence")}>
        <h2 className="licence-line__title">{t("library.licence")}</h2>
        <LicenceList licences={fw.licence} />
      </section>
    </>
  );
}
