import { Fragment } from "react";
import type { ReferenceIncident } from "../../api/incidents.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { harmLevelOfCset } from "./incident-rules.ts";
import { categoryChip, partiesOf } from "./reference-case.ts";

/**
 * One public case: its AIID number and date, what happened (clamped), who was involved, its MIT
 * categories and a link to the source. The parties are AIID's entity ids transcribed into words
 * (the page says so once); they are proper names, shown as English, never translated.
 */
export function ReferenceCase({ item, names }: { item: ReferenceIncident; names: Map<string, string> }) {
  const { t, day } = useI18n();
  const parties = partiesOf(item);
  const chips = item.categories.map((c) => ({ id: c, text: categoryChip(c, names) })).filter((c): c is { id: string; text: string } => c.text !== undefined);
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
      {parties.length > 0 && (
        <p className="reference-case__parties muted" data-testid="reference-parties">
          {parties.map((p, i) => (
            <Fragment key={p.field}>
              {i > 0 && " · "}
              {t(p.label)}
              {t("incidents.reference.party.separator")}
              <span lang="en" data-transcribed="aiid-entity-id" title={t("incidents.reference.entityTitle")}>
                {p.names.join(", ")}
              </span>
            </Fragment>
          ))}
        </p>
      )}
      <div className="reference-case__foot">
        <span>
          {chips.map((c) => (
            <span key={c.id} className="chip">
              {c.text}
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
