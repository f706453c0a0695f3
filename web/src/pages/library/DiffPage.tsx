import { libraryApi } from "../../api/endpoints.ts";
import type { FrameworkDiffView, NodeBrief } from "../../api/types.ts";
import { Disclosure } from "../../components/Disclosure.tsx";
import { LoadState } from "../../components/LoadState.tsx";
import { LocalText } from "../../components/LocalText.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { distinctTitle } from "../../i18n/text.ts";
import { Link, navigate, useSearch, type RouteParams } from "../../router/router.tsx";
import { diffPath, frameworkPath, nodePath } from "./vocabulary.ts";
import "./library.css";
import "./node.css";

/** Requirements added, removed and changed between two versions of a framework. */
export function DiffPage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  const framework = params.framework ?? "";
  const search = useSearch();
  const from = search.get("from") ?? "";
  const to = search.get("to") ?? "";
  // The newer version's metadata names the framework and lists the versions to choose from.
  const meta = useResource((signal) => libraryApi.framework(framework, to, signal), `${framework}/${to}`);
  const diff = useResource((signal) => libraryApi.diff(framework, from, to, signal), `${framework}/${from}/${to}`);
  const fw = meta.data?.framework;
  const versions = fw?.versions ?? [];

  return (
    <div className="library-page" data-testid="page-diff">
      <nav className="breadcrumb" aria-label={t("library.breadcrumb")}>
        <Link to="/library">{t("nav.library")}</Link>
        {fw && (
          <Link to={frameworkPath(framework, to)}>
            <LocalText text={fw.shortName ?? fw.name} mark="none" />
          </Link>
        )}
      </nav>
      <div className="page-header">
        <div>
          <h1 className="page-header__title">{t("library.diff.title")}</h1>
          <p className="page-header__subtitle">{t("library.diff.subtitle")}</p>
        </div>
        <div className="version-switcher">
          {(["from", "to"] as const).map((end) => (
            <label key={end} className="version-switcher__field">
              <span className="field__label">{t(end === "from" ? "library.diff.from" : "library.diff.to")}</span>
              <select
                className="input"
                value={end === "from" ? from : to}
                onChange={(e) => navigate(end === "from" ? diffPath(framework, e.target.value, to) : diffPath(framework, from, e.target.value), { replace: true })}
              >
                {(versions.length ? versions : [end === "from" ? from : to]).map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </div>
      <LoadState loading={diff.loading && !diff.data} error={diff.error} onRetry={diff.reload} notFoundPage />
      {diff.data && <DiffLists diff={diff.data} />}
    </div>
  );
}

function DiffLists({ diff }: { diff: FrameworkDiffView }) {
  const { t, lang, number } = useI18n();
  return (
    <>
      <p className="diff-summary" role="status">
        {t("library.diff.summary", { added: number(diff.added.length), removed: number(diff.removed.length), changed: number(diff.changed.length) })}
      </p>
      <DiffSection title={t("library.diff.added")} kind="added" nodes={diff.added} />
      <DiffSection title={t("library.diff.removed")} kind="removed" nodes={diff.removed} />
      <section className="card diff-section diff-section--changed" aria-labelledby="diff-changed">
        <h2 id="diff-changed" className="card__title">
          {t("library.diff.changed")} <span className="count-badge">{number(diff.changed.length)}</span>
        </h2>
        {diff.changed.length === 0 && <p className="muted">{t("library.diff.none")}</p>}
        <ul className="diff-list">
          {diff.changed.map((c) => (
            <li key={c.id} className="diff-item">
              <div className="diff-item__head">
                <Link to={nodePath(c.after.urn)}>
                  <LocalText text={c.after.ref.label} mark="none" />
                </Link>
                {distinctTitle(c.after.ref.label, c.after.title, lang) && <LocalText text={c.after.title} mark="compact" className="diff-item__title" />}
                {c.fields.map((f) => (
                  <span key={f} className="chip">
                    {fieldLabel(t, f)}
                  </span>
                ))}
              </div>
              {(c.fields.includes("text") || c.fields.includes("title")) && (
                <Disclosure summary={t("library.diff.showChange")}>
                  {() => (
                    <div className="diff-compare">
                      <div>
                        <h3 className="diff-compare__head">
                          <Link to={nodePath(c.before.urn)}>{t("library.diff.before")}</Link>
                        </h3>
                        {c.before.title && <p className="diff-compare__title"><LocalText text={c.before.title} /></p>}
                        <p className="diff-compare__text"><LocalText text={c.before.text} /></p>
                      </div>
                      <div>
                        <h3 className="diff-compare__head">
                          <Link to={nodePath(c.after.urn)}>{t("library.diff.after")}</Link>
                        </h3>
                        {c.after.title && <p className="diff-compare__title"><LocalText text={c.after.title} /></p>}
                        <p className="diff-compare__text"><LocalText text={c.after.text} /></p>
                      </div>
                    </div>
                  )}
                </Disclosure>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

const FIELDS = ["title", "text", "requirement", "actors", "dates", "tags", "type", "parent"] as const;
function fieldLabel(t: ReturnType<typeof useI18n>["t"], field: string): string {
  return (FIELDS as readonly string[]).includes(field) ? t(`library.diff.field.${field as (typeof FIELDS)[number]}`) : field;
}

function DiffSection({ title, kind, nodes }: { title: string; kind: "added" | "removed"; nodes: NodeBrief[] }) {
  const { t, lang, number } = useI18n();
  return (
    <section className={`card diff-section diff-section--${kind}`} aria-labelledby={`diff-${kind}`}>
      <h2 id={`diff-${kind}`} className="card__title">
        {title} <span className="count-badge">{number(nodes.length)}</span>
      </h2>
      {nodes.length === 0 && <p className="muted">{t("library.diff.none")}</p>}
      <ul className="diff-list">
        {nodes.map((n) => (
          <li key={n.id} className="diff-item">
            <div className="diff-item__head">
              <span className={`diff-mark diff-mark--${kind}`} aria-hidden="true">
                {kind === "added" ? "+" : "−"}
              </span>
              <Link to={nodePath(n.urn)}>
                <LocalText text={n.label} mark="none" />
              </Link>
              {distinctTitle(n.label, n.title, lang) && <LocalText text={n.title} mark="compact" className="diff-item__title" />}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
