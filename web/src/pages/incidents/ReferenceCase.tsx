import type { ReferenceIncident } from "../../api/incidents.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { harmLevelOfCset } from "./incident-rules.ts";

/** One public case: its AIID number and date, what happened (clamped), who was involved, its MIT categories and a link to the source. */
export function ReferenceCase({ item, names }: { item: ReferenceIncident; names: Map<string, string> }) {
  const { t, day } = useI18n();
  const parties = [
    item.deployers.length > 0 && t("incidents.reference.deployers", { names: item.deployers.join(", ") }),
    item.developers.length > 0 && t("incidents.reference.developers", { names: item.developers.join(", ") }),
    item.harmed.length > 0 && t("incidents.reference.harmed", { names: item.harmed.join(", ") }),
  ].filter((p): p is string => typeof p === "string");
  const harmLevel = harmLevelOfCset(item.harmLevel);
  return (
    <li className="reference-case" data-testid="reference-incident">
      <div className="reference-case__head">
        <span className="reference-case__number table__mono">{t("incidents.reference.number", { number: item.number })}</span>
        {item.date && <span className="muted">{day(item.date)}</span>}
        {harmLevel && <span className="tag tag--neutral">{t(`incidents.harmLevel.${harmLevel}`)}</span>}
      </div>
      <h2 className="reference-case__title" lang="en">
        {item.title}
      </h2>
      {item.description && (
        <p className="reference-case__description" lang="en">
          {item.description}
        </p>
      )}
      {parties.length > 0 && <p className="reference-case__parties muted">{parties.join(" · ")}</p>}
      <div className="reference-case__foot">
        <span>
          {item.categories.map((c) => (
            <span key={c} className="chip" title={names.get(c)}>
              {names.has(c) ? `${c} ${names.get(c)}` : c}
            </span>
          ))}
        </span>
        <a href={item.url} target="_blank" rel="noopener noreferrer" data-testid="reference-incident-link">
          {t("incidents.reference.source")}
        </a>
      </div>
    </li>
  );
}
