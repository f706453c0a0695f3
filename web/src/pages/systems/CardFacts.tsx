import { Fragment } from "react";
import type { CardSource } from "../../api/model-cards.ts";
import type { DatasetEntry, ModelEntry } from "../../api/systems.ts";
import { Disclosure } from "../../components/Disclosure.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import "./model-card.css";
import { cardSections, distinctSources, evaluationDataset, evaluationMetric, evaluationValue } from "./model-card.ts";

/** 取込み元: the cards an entry's values came from, so stated values can be told from typed ones. */
export function CardSources({ sources }: { sources: CardSource[] | undefined }) {
  const { t } = useI18n();
  const distinct = distinctSources(sources);
  if (distinct.length === 0) return null;
  return (
    <span className="card-sources" data-testid="card-sources">
      <span className="muted card-sources__label">{t("modelCard.from")}</span>
      {distinct.map((s, i) => (
        <span key={i}>
          {i > 0 && " · "}
          {t("modelCard.source", { format: t(`modelCard.format.${s.format}`), name: s.name })}
          {s.file && (
            <>
              {" "}
              <code>{s.file}</code>
            </>
          )}
        </span>
      ))}
    </span>
  );
}

/**
 * What a card states about a model or dataset, under its table row: where it came from and how
 * many evaluation results it has in the summary; the texts, facts and results when opened.
 */
export function CardFacts({ entry, kind }: { entry: ModelEntry | DatasetEntry; kind: "model" | "dataset" }) {
  const { t, number } = useI18n();
  const m = kind === "model" ? (entry as ModelEntry) : undefined;
  const evaluations = m?.evaluations ?? [];
  const facts: [string, string | undefined][] = [
    [t("modelCard.field.baseModel"), m?.baseModel],
    [t("modelCard.field.task"), m?.task],
    [t("modelCard.field.library"), m?.library],
    [t("modelCard.field.languages"), entry.languages?.join(", ")],
    [t("modelCard.field.tags"), m?.tags?.join(", ")],
    [t("modelCard.field.co2Emissions"), m?.co2Emissions && t("modelCard.grams", { grams: number(m.co2Emissions.grams) })],
  ];
  const present = facts.filter(([, v]) => v);
  const sections = cardSections(entry);
  // Nothing to open (a dataset a model card only names): just say where the entry came from.
  if (present.length === 0 && sections.length === 0 && evaluations.length === 0) {
    return (
      <div className="card-facts" data-testid={`card-facts-${kind}`}>
        <CardSources sources={entry.importedFrom} />
      </div>
    );
  }
  return (
    <Disclosure
      className="card-facts"
      testId={`card-facts-${kind}`}
      summary={
        <>
          {t("modelCard.stated")}
          {evaluations.length > 0 && <span className="muted"> · {t("modelCard.evaluationCount", { count: number(evaluations.length) })}</span>}{" "}
          <CardSources sources={entry.importedFrom} />
        </>
      }
    >
      {() => (
        <div className="card-facts__body">
          <dl className="facts">
            {present.map(([label, value]) => (
                <Fragment key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ))}
            {sections.map(({ field, text }) => (
              <Fragment key={field}>
                <dt>{t(`modelCard.field.${field}`)}</dt>
                <dd className="card-facts__text">{text}</dd>
              </Fragment>
            ))}
          </dl>
          {evaluations.length > 0 && (
            <div className="table-wrap">
              <table className="table table--compact" data-testid="card-evaluations">
                <caption className="card__subtitle">{t("modelCard.field.evaluations")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("modelCard.eval.metric")}</th>
                    <th scope="col">{t("modelCard.eval.value")}</th>
                    <th scope="col">{t("modelCard.eval.dataset")}</th>
                    <th scope="col">{t("modelCard.eval.split")}</th>
                    <th scope="col">{t("modelCard.eval.task")}</th>
                  </tr>
                </thead>
                <tbody>
                  {evaluations.map((e, i) => (
                    <tr key={i}>
                      <td>{evaluationMetric(e) ?? "—"}</td>
                      <td>{evaluationValue(e)}</td>
                      <td>{evaluationDataset(e) ?? "—"}</td>
                      <td>{e.split ?? "—"}</td>
                      <td>{e.task ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </Disclosure>
  );
}
