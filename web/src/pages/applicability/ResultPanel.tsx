import { useMemo } from "react";
import type { ApplicabilityReport, ProfileQuestions } from "../../api/types.ts";
import { Disclosure } from "../../components/Disclosure.tsx";
import { LocalText } from "../../components/LocalText.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Classifications } from "./Classifications.tsx";
import { focusQuestion, missingAnswers } from "./describe.ts";
import { FrameworkChart } from "./FrameworkChart.tsx";
import { RequirementList } from "./RequirementList.tsx";
import type { ExplainContext } from "./RuleExplanation.tsx";
import type { Evaluation } from "./useEvaluation.ts";
import "./result.css";

/** The result beside the form: classifications, what is still undecided, rule errors, counts and requirements. */
export function ResultPanel({ evaluation, questions }: { evaluation: Evaluation; questions: ProfileQuestions | undefined }) {
  const { t, errorMessage, day, number } = useI18n();
  const { report, pending, error, issues } = evaluation;
  const context = useMemo<ExplainContext>(
    () => ({
      explanations: new Map((report?.explanations ?? []).map((e) => [e.id, e])),
      questions: new Map((questions?.questions ?? []).map((q) => [q.id, q])),
    }),
    [report, questions],
  );
  const refused = Object.keys(issues.byFact).length > 0 || issues.other.length > 0;

  return (
    <section className="result-panel" aria-labelledby="result-title" aria-busy={pending} data-testid="result-panel">
      <header className="result-panel__header">
        <h2 id="result-title" className="result-panel__title">
          {t("applicability.result")}
        </h2>
        {pending && (
          <span className="result-panel__pending" role="status">
            <span className="spinner" aria-hidden="true" /> {t("applicability.evaluating")}
          </span>
        )}
        {report && (
          <p className="result-panel__meta">
            {t("applicability.asOfLine", { date: day(report.asOf), version: report.libraryVersion })}
          </p>
        )}
      </header>
      {error !== undefined && (
        <Notice kind="error">
          {t("applicability.failed")} {errorMessage(error)}{" "}
          <button type="button" className="link-button" onClick={evaluation.retry}>
            {t("common.retry")}
          </button>
        </Notice>
      )}
      {refused && (
        <Notice kind="error" testId="profile-refused">
          {t(report ? "applicability.refusedStale" : "applicability.refused")}
          {issues.other.length > 0 && (
            <ul className="plain-list">
              {issues.other.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      {report && report.errors.length > 0 && (
        <Notice kind="error" testId="rule-errors">
          <strong>{t("applicability.ruleErrors")}</strong>
          <ul className="plain-list">
            {report.errors.map((e) => {
              const ex = context.explanations.get(e.id);
              return (
                <li key={e.id}>
                  {ex ? <LocalText text={ex.title} mark="compact" /> : null} <code>{e.id}</code>: {e.message}
                </li>
              );
            })}
          </ul>
        </Notice>
      )}
      {!report && !error && !refused && <p className="muted">{t("common.loading")}</p>}
      {report && (
        <>
          <Classifications classifications={report.classifications} context={context} />
          <MissingAnswers report={report} context={context} />
          <h3 className="result-panel__subtitle">{t("applicability.byFramework")}</h3>
          {report.frameworks.length === 0 ? (
            <p className="muted">{t("applicability.noFrameworks")}</p>
          ) : (
            <FrameworkChart frameworks={report.frameworks} />
          )}
          <h3 className="result-panel__subtitle">
            {t("applicability.requirements")} <span className="count-badge">{number(report.requirements.length)}</span>
          </h3>
          <RequirementList report={report} context={context} />
        </>
      )}
    </section>
  );
}

/** "Undetermined": which answers the rules are waiting for, each a button to that question. */
function MissingAnswers({ report, context }: { report: ApplicabilityReport; context: ExplainContext }) {
  const { t, number } = useI18n();
  const missing = missingAnswers(report.explanations);
  if (missing.length === 0 && report.unanswered.length === 0) return null;
  const asked = new Set(report.asked);
  return (
    <div className="missing" data-testid="undetermined">
      {report.unanswered.length > 0 && <p className="missing__count">{t("applicability.unansweredCount", { count: number(report.unanswered.length) })}</p>}
      {missing.length > 0 && <p className="missing__title">{t("applicability.needed")}</p>}
      {missing.length > 0 && (
        <ul className="missing__list">
          {missing.map(({ fact, rules }) => {
            const q = context.questions.get(fact);
            const label = q ? <LocalText text={q.label} mark="compact" /> : <code>{fact}</code>;
            return (
              <li key={fact}>
                {asked.has(fact) ? (
                  <button type="button" className="link-button" onClick={() => focusQuestion(fact)}>
                    {label}
                  </button>
                ) : (
                  <span>
                    {label} <span className="muted">{t("applicability.notAskedYet")}</span>
                  </span>
                )}
                <Disclosure summary={t("applicability.waitingRules", { count: number(rules.length) })} className="missing__rules">
                  {() =>
                    rules.map((r) => (
                      <span key={r.id} className="chip">
                        <LocalText text={r.title} mark="none" />
                      </span>
                    ))
                  }
                </Disclosure>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
