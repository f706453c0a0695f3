import { libraryApi } from "../../api/endpoints.ts";
import type { FrameworkMeta } from "../../api/types.ts";
import { LoadState } from "../../components/LoadState.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { CrosswalkList } from "./CrosswalkList.tsx";
import { FrameworkCard } from "./FrameworkCard.tsx";
import { LibrarySearch } from "./LibrarySearch.tsx";
import { OwnFrameworks } from "./OwnFrameworks.tsx";
import { isOwn } from "./own-frameworks.ts";
import { currentVersions, JURISDICTION_GROUPS, jurisdictionGroup } from "./vocabulary.ts";
import "./library.css";

/**
 * The library home: search across requirement text, the organisation's own frameworks, the shipped
 * frameworks by jurisdiction, the crosswalks. Own frameworks are listed in their section, not among
 * the shipped texts, whatever jurisdiction their files name; the section comes first for those who
 * manage them or when there are some, else after the shipped ones.
 */
export function LibraryPage() {
  const { t } = useI18n();
  const manage = useSignedIn().can("library.manage");
  const library = useResource((signal) => libraryApi.index(signal), "index");
  const frameworks = library.data ? currentVersions(library.data.frameworks) : [];
  const groups = JURISDICTION_GROUPS.map((group) => ({
    group,
    items: frameworks.filter((fw) => !isOwn(fw) && jurisdictionGroup(fw.jurisdiction) === group),
  })).filter((g) => g.items.length > 0);
  const ownFirst = manage || frameworks.some(isOwn);
  const own = <OwnFrameworks onChanged={library.reload} />;

  return (
    <div className="library-page" data-testid="page-library">
      <PageHeader title={t("library.title")} subtitle={t("library.subtitle")} />
      <LibrarySearch frameworks={frameworks} />
      {ownFirst && own}
      <LoadState loading={library.loading && !library.data} error={library.error} onRetry={library.reload} />
      {groups.map(({ group, items }) => (
        <section key={group} className="library-group" aria-labelledby={`jurisdiction-${group}`}>
          <h2 id={`jurisdiction-${group}`} className="library-group__title">
            {t(`library.group.${group}`)}
          </h2>
          <ul className="framework-cards">
            {items.map((fw: FrameworkMeta) => (
              <li key={fw.framework}>
                <FrameworkCard framework={fw} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {library.data && !ownFirst && own}
      {library.data && <CrosswalkList crosswalks={library.data.crosswalks} frameworks={frameworks} />}
    </div>
  );
}
