import type { CrosswalkMeta, FrameworkMeta } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { isOwn } from "./own-frameworks.ts";

/** The crosswalks between frameworks: name, the frameworks they join and how many mappings they hold. */
export function CrosswalkList({ crosswalks, frameworks }: { crosswalks: CrosswalkMeta[]; frameworks: FrameworkMeta[] }) {
  const { t, lang, number } = useI18n();
  const nameOf = (id: string) => {
    const fw = frameworks.find((f) => f.framework === id);
    if (!fw) return id;
    const name = plainText(fw.shortName ?? fw.name, lang);
    return isOwn(fw) ? t("libraryOwn.option", { name }) : name;
  };
  return (
    <section className="library-group" aria-labelledby="crosswalks-title" data-testid="crosswalks">
      <h2 id="crosswalks-title" className="library-group__title">
        {t("library.crosswalks")}
      </h2>
      <p className="library-group__hint">{t("library.crosswalksHint")}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("library.crosswalk.name")}</th>
              <th scope="col">{t("library.crosswalk.frameworks")}</th>
              <th scope="col" className="table__numeric">
                {t("library.crosswalk.edges")}
              </th>
            </tr>
          </thead>
          <tbody>
            {crosswalks.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  {t("library.crosswalk.none")}
                </td>
              </tr>
            )}
            {crosswalks.map((cw) => (
              <tr key={cw.id}>
                <td className="table__primary">
                  <LocalText text={cw.name} mark="compact" />
                </td>
                <td>{cw.frameworks.map(nameOf).join(" ↔ ")}</td>
                <td className="table__numeric">{number(cw.edges)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
