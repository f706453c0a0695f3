import { Fragment } from "react";
import type { ReferenceIncident } from "../../api/incidents.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { harmLevelOfCset } from "./incident-rules.ts";
import { AIID, caseLabel, categoryChip, partiesOf } from "./reference-case.ts";

/**
 * One public case: its source's name and number (or "AIID #n") and date, what happened (clamped),
 * who was involved, its MIT categories and a link to the case at its source. AIID's parties are its
 * entity ids transcribed into words (the page says so once); another source's names are as it
 * writes them. Proper names, never translated.
 */
export function ReferenceCase({ item, names }: { item: ReferenceIncident; names: Map<string, string> }) {
  const { t, day } = useI18n();
  const parties = partiesOf(item);
  const chips = item.categories.map((c) => ({ id: c, text: categoryChip(c, names) })).filter((c): c is { id: string; text: string } => c.text !== undefined);
  const harmLevel = harmLevelOfCset(item.harmLevel);
  return (
    <li className="reference-case" data-testid="reference-incident">
      <div className="reference-case__head">
        <span className="reference-case__number table__mono">{caseLabel(t, item)}</span>
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
              {item.source === AIID ? (
                <span lang="en" data-transcribed="aiid-entity-id" title={t("incidents.reference.entityTitle")}>
                  {p.names.join(", ")}
                </span>
              ) : (
                <span>{p.names.join(", ")}</span>
              )}
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
        {item.url !== "" && (
          <a href={item.url} target="_blank" rel="noopener noreferrer" data-testid="reference-incident-link">
            {item.source === AIID ? t("incidents.reference.source") : t("incidents.reference.sourceOther", { source: item.sourceName })}
          </a>
        )}
      </div>
    </li>
  );
}
