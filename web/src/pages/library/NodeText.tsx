import type { FrameworkNodeFull, Locale } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ORIGIN_KEYS } from "./vocabulary.ts";

/**
 * The node's text in each language it has, the UI language first, each marked with where it comes
 * from (official, a government reference translation without legal effect, editorial…).
 */
export function NodeText({ node }: { node: FrameworkNodeFull }) {
  const { t, lang } = useI18n();
  const order: Locale[] = lang === "ja" ? ["ja", "en"] : ["en", "ja"];
  const present = order.filter((l) => node.text?.[l]);
  const missingOwn = node.text !== undefined && !node.text[lang];
  if (present.length === 0 && !node.textNote) return null;
  return (
    <section className="card node-text" aria-labelledby="node-text-title" data-testid="node-text">
      <h2 id="node-text-title" className="card__title">
        {t("library.text")}
      </h2>
      {missingOwn && <p className="node-text__missing">{t(lang === "ja" ? "library.text.noJa" : "library.text.noEn")}</p>}
      {node.textNote && (
        <p className="node-text__note">
          <LocalText text={node.textNote} />
        </p>
      )}
      {present.map((l) => {
        const origin = node.textOrigin?.[l];
        return (
          <div key={l} className="node-text__block">
            <div className="node-text__head">
              <h3 className="node-text__lang">{t(l === "ja" ? "language.ja" : "language.en")}</h3>
              {origin && <span className={`origin-badge origin-badge--${origin}`}>{t(ORIGIN_KEYS[origin])}</span>}
            </div>
            <p className="node-text__body" lang={l}>
              {node.text![l]}
            </p>
          </div>
        );
      })}
    </section>
  );
}
