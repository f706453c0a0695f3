import type { ReactNode } from "react";
import type { LibraryUpdatePreview, UpdateNode } from "../../api/dealings.ts";
import { Card } from "../../components/Card.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { distinctTitle, pickText, scriptLang } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { NameText } from "../oversight/SenderName.tsx";
import "../library/library.css";

/**
 * What installing an authority's library update would do: the framework and version, the versions
 * already installed, the requirements added, removed and changed against the latest of them, the
 * systems whose applicable requirements change (before → after), and why it cannot be installed
 * (until it is installed).
 */
export function LibraryUpdatePreviewCard({ preview: p, installed, actions }: { preview: LibraryUpdatePreview; installed: boolean; actions?: ReactNode }) {
  const { t, number } = useI18n();
  return (
    <Card title={t("dealings.update.title")} titleId="library-update-title" testId="library-update-preview" actions={actions}>
      <dl className="facts">
        <dt>{t("oversight.libraryUpdate.framework")}</dt>
        <dd data-testid="library-update-name">
          <NameText name={p.name} />
        </dd>
        <dt>{t("oversight.libraryUpdate.version")}</dt>
        <dd className="table__mono">{p.version}</dd>
        <dt>{t("dealings.update.installed")}</dt>
        <dd data-testid="library-update-installed-versions">{p.installedVersions.length ? p.installedVersions.join(t("oversight.listSeparator")) : <span className="muted">{t("dealings.update.notInstalled")}</span>}</dd>
      </dl>
      {/* Once installed, "already installed" and what follows from it are no news. */}
      {!installed && p.problems.length > 0 && (
        <Notice kind="warning" testId="library-update-problems">
          <p>{t("dealings.update.problems")}</p>
          <ul>
            {/* The server words some problems only in English (the library's own checks): each is marked with its language. */}
            {p.problems.map((problem, i) => (
              <li key={i} lang={scriptLang(problem)}>
                {problem}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <h3 className="card__subtitle">{p.diff.against ? t("dealings.update.diffAgainst", { version: p.diff.against }) : t("dealings.update.diffNew")}</h3>
      <p className="diff-summary" data-testid="library-update-summary">
        {t("library.diff.summary", { added: number(p.diff.added.length), removed: number(p.diff.removed.length), changed: number(p.diff.changed.length) })}
      </p>
      <NodeList title={t("library.diff.added")} kind="added" nodes={p.diff.added} />
      <NodeList title={t("library.diff.removed")} kind="removed" nodes={p.diff.removed} />
      <NodeList title={t("library.diff.changed")} kind="changed" nodes={p.diff.changed} />
      <h3 className="card__subtitle">{t("dealings.update.systems")}</h3>
      {p.systems.length === 0 ? (
        <p className="muted" data-testid="library-update-no-systems">
          {t("dealings.update.noSystems")}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="library-update-systems">
            <caption className="visually-hidden">{t("dealings.update.systems")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dealings.update.col.system")}</th>
                <th scope="col" className="table__numeric">
                  {t("dealings.update.col.before")}
                </th>
                <th scope="col" className="table__numeric">
                  {t("dealings.update.col.after")}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.systems.map((s) => (
                <tr key={s.id} data-testid="library-update-system">
                  <td className="table__primary">
                    <Link to={`/systems/${encodeURIComponent(s.id)}`}>
                      <span className="table__mono">{s.code}</span> <NameText name={s.name} />
                    </Link>
                  </td>
                  <td className="table__numeric">{number(s.before)}</td>
                  <td className="table__numeric" data-testid="library-update-after">
                    {t("dealings.update.change", { before: number(s.before), after: number(s.after) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function NodeList({ title, kind, nodes }: { title: string; kind: "added" | "removed" | "changed"; nodes: UpdateNode[] }) {
  const { t, lang, number } = useI18n();
  return (
    <section className={`diff-section diff-section--${kind}`} aria-label={title} data-testid={`library-update-${kind}`}>
      <h4 className="diff-section__title">
        {title} <span className="count-badge">{number(nodes.length)}</span>
      </h4>
      {nodes.length === 0 ? (
        <p className="muted">{t("library.diff.none")}</p>
      ) : (
        <ul className="diff-list">
          {nodes.map((n) => {
            const ref = pickText(n.ref, lang);
            const title = n.title && distinctTitle(n.ref, n.title, lang) ? pickText(n.title, lang) : undefined;
            return (
              <li key={n.id} className="diff-item">
                <div className="diff-item__head">
                  {kind !== "changed" && (
                    <span className={`diff-mark diff-mark--${kind}`} aria-hidden="true">
                      {kind === "added" ? "+" : "−"}
                    </span>
                  )}
                  <span lang={ref?.lang}>{ref?.text}</span>
                  {title && (
                    <span className="diff-item__title" lang={title.lang}>
                      {title.text}
                    </span>
                  )}
                  {n.requirement && <span className="chip">{t("dealings.update.requirement")}</span>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
