import { useState } from "react";
import { libraryOwnApi, type OrgFrameworkView } from "../../api/library-own.ts";
import type { Locale } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { PageNotice } from "../../components/Notice.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { TableState } from "../../components/TableState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { OwnBadge } from "./OwnBadge.tsx";
import { AddOwnFrameworkDialog, RemoveOwnFrameworkDialog } from "./OwnFrameworkDialogs.tsx";
import { ORG_PREFIX, SOURCE_FORMAT_KEYS, splitAtPlaceholders, viewName } from "./own-frameworks.ts";
import { diffPath, frameworkPath } from "./vocabulary.ts";
import "./library-own.css";

/**
 * 自社のフレームワーク on the library home: every version the organisation added, what it holds
 * and what it was added from; for administrators and governance leads, the template, adding a file
 * and removing a version added by mistake. `onChanged` reloads the library, which lists them too.
 */
export function OwnFrameworks({ onChanged }: { onChanged(): void }) {
  const { t, lang, number, dateTime } = useI18n();
  const manage = useSignedIn().can("library.manage");
  const list = useResource((signal) => libraryOwnApi.list(signal), "own");
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<OrgFrameworkView>();
  const [notice, setNotice] = useState<NoticeMessage>();
  const rows = list.data ?? [];
  const columns = manage ? 8 : 7;

  const changed = (message: NoticeMessage) => {
    setNotice(message);
    list.reload();
    onChanged();
  };
  const named = (view: OrgFrameworkView, i18n: { lang: Locale }) => plainText(viewName(view), i18n.lang);

  return (
    <section className="library-group own-frameworks" aria-labelledby="own-frameworks-title" data-testid="own-frameworks">
      <div className="own-frameworks__head">
        <h2 id="own-frameworks-title" className="library-group__title">
          {t("libraryOwn.title")}
        </h2>
        {manage && (
          <div className="own-frameworks__actions">
            <a className="button" href={libraryOwnApi.templateHref} download title={t("libraryOwn.templateHint")} data-testid="own-template">
              {t("libraryOwn.template")}
            </a>
            <button type="button" className="button button--primary" onClick={() => setAdding(true)} data-testid="own-add-open">
              {t("libraryOwn.add")}
            </button>
          </div>
        )}
      </div>
      <div className="own-frameworks__about">
        <p>{t("libraryOwn.intro")}</p>
        <p>
          {splitAtPlaceholders(t("libraryOwn.idHint")).map((part, i) => ("slot" in part ? <code key={i}>{ORG_PREFIX}</code> : part.text))}
        </p>
        <p>{t("libraryOwn.formats")}</p>
      </div>
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="own-notice" />
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="own-table">
          <thead>
            <tr>
              <th scope="col">{t("libraryOwn.col.name")}</th>
              <th scope="col">{t("libraryOwn.col.version")}</th>
              <th scope="col" className="table__numeric">
                {t("libraryOwn.col.requirements")}
              </th>
              <th scope="col" className="table__numeric">
                {t("libraryOwn.col.rules")}
              </th>
              <th scope="col" className="table__numeric">
                {t("libraryOwn.col.edges")}
              </th>
              <th scope="col">{t("libraryOwn.col.format")}</th>
              <th scope="col">{t("libraryOwn.col.added")}</th>
              {manage && (
                <th scope="col" className="table__actions">
                  <span className="visually-hidden">{t("libraryOwn.col.actions")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={columns} loading={list.loading} error={list.error} count={rows.length} filtered={false} emptyMessage={t("libraryOwn.empty")} onRetry={list.reload} />
            {!list.error &&
              rows.map((view) => (
                <tr key={`${view.framework}@${view.version}`} data-testid={`own-row-${view.framework}-${view.version}`}>
                  <td className="table__primary">
                    <Link to={frameworkPath(view.framework, view.version)}>
                      <LocalText text={viewName(view)} mark="compact" />
                    </Link>
                    <OwnBadge />
                    <code className="table__note">{view.framework}</code>
                  </td>
                  <td>
                    <code>{view.version}</code>
                    {view.previousVersion && (
                      <span className="table__note">
                        {t("libraryOwn.previousVersion")} <code>{view.previousVersion}</code>
                        {" · "}
                        <Link to={diffPath(view.framework, view.previousVersion, view.version)} data-testid="own-diff">
                          {t("libraryOwn.diff")}
                        </Link>
                      </span>
                    )}
                  </td>
                  <td className="table__numeric">{number(view.requirements)}</td>
                  <td className="table__numeric">{number(view.rules)}</td>
                  <td className="table__numeric">{number(view.crosswalkEdges)}</td>
                  <td>{t(SOURCE_FORMAT_KEYS[view.sourceFormat])}</td>
                  <td className="table__nowrap">{dateTime(view.createdAt)}</td>
                  {manage && (
                    <td className="table__actions">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setRemoving(view)}
                        aria-label={t("libraryOwn.removeLabel", { name: plainText(viewName(view), lang), version: view.version })}
                        data-testid="own-remove"
                      >
                        {t("libraryOwn.remove")}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {adding && (
        <AddOwnFrameworkDialog
          onClose={() => setAdding(false)}
          onAdded={(view) => {
            setAdding(false);
            changed({ kind: "success", text: (i18n) => i18n.t("libraryOwn.added", { name: named(view, i18n), version: view.version }) });
          }}
        />
      )}
      {removing && (
        <RemoveOwnFrameworkDialog
          view={removing}
          onClose={() => setRemoving(undefined)}
          onRemoved={() => {
            const view = removing;
            setRemoving(undefined);
            changed({ kind: "success", text: (i18n) => i18n.t("libraryOwn.removed", { name: named(view, i18n), version: view.version }) });
          }}
        />
      )}
    </section>
  );
}
