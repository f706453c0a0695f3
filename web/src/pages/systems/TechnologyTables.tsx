import type { ReactNode } from "react";
import type { SystemView } from "../../api/systems.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { CardFacts } from "./CardFacts.tsx";
import { hasCardFacts } from "./model-card.ts";

/**
 * The models, datasets and third-party components a system is built from, read-only. What a model
 * or dataset card states sits in a disclosure under the entry's row, with the card it came from.
 */
export function TechnologyTables({ system: s }: { system: SystemView }) {
  const { t } = useI18n();
  const yes = (v: boolean) => (v ? t("systems.yes") : t("systems.no"));
  return (
    <section className="card technology" data-testid="technology">
      <h2 className="card__title">{t("systems.form.technology")}</h2>
      <Table
        title={t("systems.models")}
        headers={[t("systems.model.name"), t("systems.model.provider"), t("systems.model.version"), t("systems.model.licence"), t("systems.model.hosting")]}
        rows={s.models.map((m) => [m.name, m.provider, m.version, m.licence, m.hosting && t(`systems.hosting.${m.hosting}`)])}
        below={s.models.map((m) => (hasCardFacts(m) ? <CardFacts entry={m} kind="model" /> : undefined))}
        testId="models"
      />
      <Table
        title={t("systems.datasets")}
        headers={[t("systems.dataset.name"), t("systems.dataset.source"), t("systems.dataset.personalData"), t("systems.dataset.sensitiveData"), t("systems.dataset.licence")]}
        rows={s.datasets.map((d) => [d.name, d.source, yes(d.personalData), yes(d.sensitiveData), d.licence])}
        below={s.datasets.map((d) => (hasCardFacts(d) ? <CardFacts entry={d} kind="dataset" /> : undefined))}
        testId="datasets"
      />
      <Table
        title={t("systems.components")}
        headers={[t("systems.component.name"), t("systems.component.version"), t("systems.component.supplier"), t("systems.component.licence")]}
        rows={s.components.map((c) => [c.name, c.version, c.supplier, c.licence])}
        testId="components"
      />
    </section>
  );
}

interface TableProps {
  title: string;
  headers: string[];
  rows: (string | undefined)[][];
  /** Per row, what to show in a full-width row beneath it (the card's statements). */
  below?: (ReactNode | undefined)[];
  testId: string;
}

function Table({ title, headers, rows, below = [], testId }: TableProps) {
  const { t, number } = useI18n();
  return (
    <div className="technology__block" data-testid={`technology-${testId}`}>
      <h3 className="card__subtitle">
        {title} <span className="count-badge count-badge--muted">{number(rows.length)}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted">{t("systems.form.noEntries")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <thead>
              <tr>
                {headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => [
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell || "—"}</td>
                  ))}
                </tr>,
                below[i] !== undefined && (
                  <tr key={`${i}-card`} className="technology__card-row">
                    <td colSpan={headers.length}>{below[i]}</td>
                  </tr>
                ),
              ])}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
