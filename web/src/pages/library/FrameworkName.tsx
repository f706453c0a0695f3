import { Fragment } from "react";
import type { FrameworkMeta, TextOrigin } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { MessageKey } from "../../i18n/en.ts";
import { labelOrigin, namingOf, nameVersions } from "./framework-naming.ts";
import { ORIGIN_KEYS } from "./vocabulary.ts";

/** Names are marked by whose words they are: Musubi's rendering reads "Musubi's wording", others as their origin. */
export const nameOriginKey = (origin: TextOrigin): MessageKey => (origin === "musubi-editorial" ? "library.musubiWording" : ORIGIN_KEYS[origin]);

/** A mark saying whose words a name is, when they are not the issuer's own. */
export function NameOriginMark({ origin }: { origin: TextOrigin | undefined }) {
  const { t } = useI18n();
  if (!origin || origin === "official") return null;
  return (
    <span className={`name-origin name-origin--${origin}`} title={t("library.names.originHint")} data-testid="name-origin">
      {t(nameOriginKey(origin))}
    </span>
  );
}

/**
 * A framework's display name (its short name, else its name) in the UI language, marked when the
 * words are Musubi's rendering rather than the issuer's (the Japanese names of the EU AI Act,
 * NIST AI RMF, ISO/IEC 42001 and the Hiroshima instruments).
 */
export function FrameworkName({ framework }: { framework: FrameworkMeta }) {
  const { lang } = useI18n();
  const naming = namingOf(framework);
  return (
    <>
      <LocalText text={naming.shortName ?? naming.name} />
      <NameOriginMark origin={labelOrigin(naming, lang)} />
    </>
  );
}

/** The facts list's name rows: every language version of the name and short name, each with whose words it is. */
export function FrameworkNameFacts({ framework }: { framework: FrameworkMeta }) {
  const { t, lang } = useI18n();
  const naming = namingOf(framework);
  const rows = [
    { key: "library.names.name" as const, versions: nameVersions(naming.name, naming.nameOrigin, lang) },
    { key: "library.names.shortName" as const, versions: nameVersions(naming.shortName, naming.shortNameOrigin, lang) },
  ].filter((r) => r.versions.length > 0);
  return (
    <>
      {rows.map((r) => (
        <Fragment key={r.key}>
          <dt>{t(r.key)}</dt>
          <dd data-testid={r.key === "library.names.name" ? "framework-name-facts" : "framework-short-name-facts"}>
            {r.versions.map((v) => (
              <div key={v.lang} className="name-version">
                <span lang={v.lang}>{v.text}</span>
                {v.lang !== lang && <span className="lang-fallback lang-fallback--compact">{t(v.lang === "en" ? "text.code.en" : "text.code.ja")}</span>}
                <NameOriginMark origin={v.origin} />
              </div>
            ))}
          </dd>
        </Fragment>
      ))}
    </>
  );
}
