import { useState } from "react";
import { libraryApi } from "../../api/endpoints.ts";
import { LoadState } from "../../components/LoadState.tsx";
import { LocalText } from "../../components/LocalText.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, navigate, type RouteParams } from "../../router/router.tsx";
import { FrameworkFacts } from "./FrameworkFacts.tsx";
import { FrameworkName } from "./FrameworkName.tsx";
import { NodeTree } from "./NodeTree.tsx";
import { OwnBadge } from "./OwnBadge.tsx";
import { isOwn } from "./own-frameworks.ts";
import { diffPath, frameworkPath, kindKey } from "./vocabulary.ts";
import "./library.css";

/** One framework version: its metadata, what its sources leave unsaid, and its node tree. */
export function FrameworkPage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  const framework = params.framework ?? "";
  const version = params.version ?? "";
  const res = useResource((signal) => libraryApi.framework(framework, version, signal), `${framework}/${version}`);
  const data = res.data;
  const fw = data?.framework;
  const kind = fw && kindKey(fw.kind);

  return (
    <div className="library-page" data-testid="page-framework">
      <nav className="breadcrumb" aria-label={t("library.breadcrumb")}>
        <Link to="/library">{t("nav.library")}</Link>
      </nav>
      <LoadState loading={res.loading && !data} error={res.error} onRetry={res.reload} notFoundPage />
      {fw && data && (
        <>
          <div className="page-header">
            <div>
              <p className="page-header__eyebrow">
                <span className={`kind-badge kind-badge--${fw.kind}`}>{kind ? t(kind) : fw.kind}</span>
                {isOwn(fw) && <OwnBadge />}
                {fw.current && <span className="tag tag--neutral">{t("library.current")}</span>}
              </p>
              <h1 className="page-header__title">
                <FrameworkName framework={fw} />
              </h1>
              {fw.shortName && (
                <p className="page-header__subtitle">
                  <LocalText text={fw.name} mark="none" />
                </p>
              )}
            </div>
            <VersionSwitcher framework={framework} version={version} versions={fw.versions} />
          </div>
          {isOwn(fw) && (
            <Notice kind="info" testId="own-framework-notice">
              {t("libraryOwn.pageNotice")}
            </Notice>
          )}
          <FrameworkFacts framework={fw} />
          <NodeTree nodes={data.nodes} actorRoles={fw.actorRoles} />
        </>
      )}
    </div>
  );
}

/** Versions are dates or numbers: compare them as such, so the diff runs from older to newer. */
const older = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true }) < 0;

/** The version select, and "compare with…" another version on the diff page. */
function VersionSwitcher({ framework, version, versions }: { framework: string; version: string; versions: string[] }) {
  const { t } = useI18n();
  const others = versions.filter((v) => v !== version);
  const [other, setOther] = useState(others[0] ?? "");
  return (
    <div className="version-switcher">
      <label className="version-switcher__field">
        <span className="field__label">{t("library.version")}</span>
        <select className="input" value={version} onChange={(e) => navigate(frameworkPath(framework, e.target.value))} data-testid="version-select">
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      {others.length > 0 && (
        <div className="version-switcher__compare">
          <label className="version-switcher__field">
            <span className="field__label">{t("library.compareWith")}</span>
            <select className="input" value={other} onChange={(e) => setOther(e.target.value)}>
              {others.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <Link className="button button--small" to={older(other, version) ? diffPath(framework, other, version) : diffPath(framework, version, other)} data-testid="compare-link">
            {t("library.compare")}
          </Link>
        </div>
      )}
    </div>
  );
}
