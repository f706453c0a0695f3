import type { ClassificationView } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ExplainContext } from "./RuleExplanation.tsx";

/** The scheme shown as the headline: the EU AI Act risk tier. */
const HEADLINE = "eu-ai-act-risk";

/**
 * The classifications: the EU AI Act tier as the headline, then roles, GPAI class and the Digital
 * Agency determination. Values that start later carry their date; undecided ones say what is missing.
 */
export function Classifications({ classifications, context }: { classifications: ClassificationView[]; context: ExplainContext }) {
  const ordered = [...classifications].sort((a, b) => Number(b.scheme === HEADLINE) - Number(a.scheme === HEADLINE));
  return (
    <div className="classifications" data-testid="classifications">
      {ordered.map((c) => (
        <Classification key={c.scheme} classification={c} headline={c.scheme === HEADLINE} context={context} />
      ))}
    </div>
  );
}

function Classification({ classification: c, headline, context }: { classification: ClassificationView; headline: boolean; context: ExplainContext }) {
  const { t, day, number } = useI18n();
  const current = c.values.filter((v) => v.timing === "current");
  // A tier is read as the class the system has under the law, even where it applies only from a
  // later date (high-risk from 2027-12-02 is high-risk for planning); what applies today goes beneath.
  const top = c.exclusive && c.primary ? c.values.find((v) => v.timing === "current" || v.timing === "upcoming") : undefined;
  const topLater = top?.timing === "upcoming" ? top : undefined;
  const later = c.values.filter((v) => v.timing === "upcoming" && v !== topLater);
  const shown = c.exclusive ? (top ? [top] : c.primary ? [c.primary] : []) : current;
  const undetermined = c.undetermined.map((id) => context.explanations.get(id)).filter((e) => e !== undefined);
  return (
    <section className={headline ? "classification classification--headline" : "classification"} data-testid={`classification-${c.scheme}`}>
      <h4 className="classification__name">
        <LocalText text={c.name} mark="compact" />
      </h4>
      <div className="classification__values">
        {shown.map((v) => (
          <span key={v.value} className={`tier-badge tier-badge--${v.value}${headline ? " tier-badge--large" : ""}`} data-value={v.value} data-from={topLater?.from ?? undefined}>
            <LocalText text={v.label} mark="compact" />
            {topLater?.from && <span className="tier-badge__from">{t("applicability.appliesFrom", { date: day(topLater.from) })}</span>}
          </span>
        ))}
        {shown.length === 0 && (
          <span className={`tier-badge tier-badge--none${headline ? " tier-badge--large" : ""}`}>
            {t(undetermined.length > 0 ? "applicability.undetermined" : "applicability.notApplicable")}
          </span>
        )}
      </div>
      {topLater && c.primary && (
        <p className="classification__today" data-testid={`classification-${c.scheme}-today`}>
          {t("applicability.appliesToday")} <LocalText text={c.primary.label} mark="compact" />
        </p>
      )}
      {later.length > 0 && (
        <ul className="classification__later">
          {later.map((v) => (
            <li key={v.value}>
              <span className={`tier-badge tier-badge--${v.value} tier-badge--upcoming`}>
                <LocalText text={v.label} mark="compact" />
              </span>
              {v.from && <span className="date-badge date-badge--upcoming">{t("applicability.fromDate", { date: day(v.from) })}</span>}
            </li>
          ))}
        </ul>
      )}
      {c.exclusive &&
        current
          .filter((v) => v.value !== c.primary?.value && v.value !== top?.value)
          .map((v) => (
            <p key={v.value} className="classification__also">
              {t(c.primary ? "applicability.alsoHolds" : "applicability.holdsSoFar")} <LocalText text={v.label} mark="compact" />
            </p>
          ))}
      {current.some((v) => v.until) && (
        <ul className="classification__later">
          {current
            .filter((v) => v.until)
            .map((v) => (
              <li key={v.value} className="muted">
                <LocalText text={v.label} mark="compact" /> {t("applicability.untilDate", { date: day(v.until!) })}
              </li>
            ))}
        </ul>
      )}
      {undetermined.length > 0 && (
        <p className="classification__pending">
          {t("applicability.mayChange", { count: number(undetermined.length) })}
        </p>
      )}
    </section>
  );
}
