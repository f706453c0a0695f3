import type { FrameworkMeta } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { scriptLang } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { FrameworkName } from "./FrameworkName.tsx";
import { OwnBadge } from "./OwnBadge.tsx";
import { isOwn } from "./own-frameworks.ts";
import { frameworkPath, kindKey } from "./vocabulary.ts";

/** One framework on the library home: name, kind, issuer, current version, requirement count, licences. */
export function FrameworkCard({ framework: fw }: { framework: FrameworkMeta }) {
  const { t, number } = useI18n();
  const kind = kindKey(fw.kind);
  const licences = [...new Set(fw.licence.map((l) => l.name))];
  return (
    <article className="framework-card" data-testid={`framework-${fw.framework}`}>
      <header className="framework-card__header">
        <span className={`kind-badge kind-badge--${fw.kind}`}>{kind ? t(kind) : fw.kind}</span>
        {isOwn(fw) && <OwnBadge />}
        <h3 className="framework-card__title">
          <Link to={frameworkPath(fw.framework, fw.version)}>
            <FrameworkName framework={fw} />
          </Link>
        </h3>
        {fw.shortName && (
          <p className="framework-card__name">
            <LocalText text={fw.name} mark="none" />
          </p>
        )}
      </header>
      <dl className="framework-card__facts">
        <div>
          <dt>{t("library.issuer")}</dt>
          <dd>
            {fw.issuer.map((issuer, i) => (
              <span key={i} className="framework-card__issuer">
                <LocalText text={issuer} mark="compact" />
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t("library.currentVersion")}</dt>
          <dd>
            <code>{fw.version}</code>
            {fw.versions.length > 1 && <span className="muted"> {t("library.versionCount", { count: number(fw.versions.length) })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t("library.requirements")}</dt>
          <dd>{t("library.requirementCount", { count: number(fw.counts.requirements), nodes: number(fw.counts.nodes) })}</dd>
        </div>
        <div>
          <dt>{t("library.licence")}</dt>
          <dd className="framework-card__licences">
            {licences.map((name, i) => (
              <span key={name} lang={scriptLang(name)}>
                {i > 0 && " / "}
                {name}
              </span>
            ))}
          </dd>
        </div>
      </dl>
    </article>
  );
}
