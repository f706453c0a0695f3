import type { ProfileQuestionView, RuleExplanationView } from "../../api/types.ts";
import { Disclosure } from "../../components/Disclosure.tsx";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { distinctTitle } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { nodePath } from "../library/vocabulary.ts";
import { describeValue } from "./describe.ts";
import "./explanation.css";

export interface ExplainContext {
  explanations: Map<string, RuleExplanationView>;
  questions: Map<string, ProfileQuestionView>;
}

/**
 * Why a rule or definition came out as it did: its title, its condition in words, the facts it
 * read and their values, the editorial note, and the provisions it rests on. Definitions it read
 * open in place, a few levels deep. The condition as the library writes it (CEL) and the names of
 * the facts are behind a disclosure, for those who check the library.
 */
export function RuleExplanation({ explanation: e, context, depth = 0 }: { explanation: RuleExplanationView; context: ExplainContext; depth?: number }) {
  const { t, lang, day } = useI18n();
  const read = Object.entries(e.read);
  return (
    <div className={`explanation explanation--${e.outcome}`} data-testid={`explanation-${e.id}`}>
      <p className="explanation__title">
        <span className="explanation__kind">{t(e.kind === "rule" ? "applicability.rule" : "applicability.definition")}</span>
        <LocalText text={e.title} />
        {e.outcome !== "holds" && <span className={`outcome outcome--${e.outcome}`}>{t(`applicability.outcome.${e.outcome}`)}</span>}
      </p>
      {(e.from || e.until) && (
        <p className="explanation__dates">
          {e.from && t("applicability.ruleFrom", { date: day(e.from) })} {e.until && t("applicability.ruleUntil", { date: day(e.until) })}
        </p>
      )}
      <p className="explanation__words">
        <span className="explanation__note-label">{t("applicability.condition")}</span>
        <LocalText text={e.words} />
      </p>
      {read.length > 0 && (
        <table className="explanation__read">
          <caption className="visually-hidden">{t("applicability.factsRead")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("applicability.fact")}</th>
              <th scope="col">{t("applicability.value")}</th>
            </tr>
          </thead>
          <tbody>
            {read.map(([name, value]) => {
              const question = context.questions.get(name);
              const definition = question ? undefined : context.explanations.get(name);
              return (
                <tr key={name}>
                  <th scope="row">
                    {question ? <LocalText text={question.label} mark="compact" /> : definition ? <LocalText text={definition.title} mark="compact" /> : name}
                  </th>
                  <td>
                    {describeValue(question, value, lang, t)}
                    {definition && depth < 3 && (
                      <Disclosure summary={t("applicability.showDefinition")} className="disclosure--nested">
                        {() => <RuleExplanation explanation={definition} context={context} depth={depth + 1} />}
                      </Disclosure>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {e.missing && e.missing.length > 0 && (
        <p className="explanation__missing">
          {t("applicability.missing", {
            facts: e.missing.map((m) => describeQuestion(context.questions.get(m), m, lang)).join(t("applicability.listSeparator")),
          })}
        </p>
      )}
      {e.error && <p className="explanation__error">{t("applicability.ruleError", { message: e.error })}</p>}
      {e.note && (
        <p className="explanation__note">
          <span className="explanation__note-label">{t("applicability.note")}</span>
          <LocalText text={e.note} />
        </p>
      )}
      <Disclosure summary={t("applicability.showExpression")} className="disclosure--nested">
        {() => (
          <>
            <pre className="explanation__expr" aria-label={t("applicability.expression")}>
              <code>{e.expression}</code>
            </pre>
            {read.length > 0 && (
              <p className="explanation__names">
                {read.map(([name]) => (
                  <code key={name} className="explanation__name">
                    {name}
                  </code>
                ))}
              </p>
            )}
          </>
        )}
      </Disclosure>
      {e.cites.length > 0 && (
        <p className="explanation__cites">
          <span className="explanation__note-label">{t("applicability.cites")}</span>
          {e.cites.map((c) => (
            <Link key={c.urn} to={nodePath(c.urn)} className="cite">
              <LocalText text={c.label} mark="none" />
              {distinctTitle(c.label, c.title, lang) && (
                <span className="cite__title">
                  <LocalText text={c.title} mark="none" />
                </span>
              )}
            </Link>
          ))}
        </p>
      )}
    </div>
  );
}

function describeQuestion(question: ProfileQuestionView | undefined, id: string, lang: "ja" | "en"): string {
  const text = question?.label[lang] ?? question?.label[lang === "ja" ? "en" : "ja"];
  return text ?? id;
}
