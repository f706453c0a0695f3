import { useState } from "react";
import type { ApplicabilityReport, ApplicableRequirement } from "../../api/types.ts";
import { Disclosure } from "../../components/Disclosure.tsx";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { distinctTitle } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { useCurrencyText } from "../library/currency.ts";
import { nodePath } from "../library/vocabulary.ts";
import { RuleExplanation, type ExplainContext } from "./RuleExplanation.tsx";

/** Lists longer than this start closed: the EU AI Act alone can bring hundreds of requirements. */
const OPEN_UP_TO = 25;

/** The applicable requirements, framework by framework, each with the rules that brought it in. */
export function RequirementList({ report, context }: { report: ApplicabilityReport; context: ExplainContext }) {
  const { t } = useI18n();
  if (report.requirements.length === 0) return <p className="muted">{t("applicability.noRequirements")}</p>;
  return (
    <div className="requirement-groups" data-testid="requirements">
      {report.frameworks.map((fw) => (
        <FrameworkGroup
          key={fw.framework}
          framework={fw}
          items={report.requirements.filter((r) => r.framework === fw.framework)}
          context={context}
        />
      ))}
    </div>
  );
}

function FrameworkGroup({ framework: fw, items, context }: { framework: ApplicabilityReport["frameworks"][number]; items: ApplicableRequirement[]; context: ExplainContext }) {
  const { t, number } = useI18n();
  const currencyText = useCurrencyText();
  const [open, setOpen] = useState(items.length <= OPEN_UP_TO);
  // Amendments in force that the stored text lacks concern every provision: said once, at the top.
  const missing = items.find((r) => r.currency?.missing?.length)?.currency;
  return (
    <section className="requirement-group" data-testid={`requirements-${fw.framework}`}>
      <h4 className="requirement-group__head">
        <button type="button" className="requirement-group__toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true">{open ? "▾" : "▸"}</span>
          <LocalText text={fw.name} mark="compact" />
          <span className="count-badge">{t("applicability.currentCount", { count: number(fw.current) })}</span>
          {fw.upcoming > 0 && <span className="count-badge count-badge--upcoming">{t("applicability.upcomingCount", { count: number(fw.upcoming) })}</span>}
        </button>
      </h4>
      {fw.penalties && (
        <p className="requirement-group__penalties" data-testid={`penalties-${fw.framework}`}>
          <span className="explanation__note-label">{t("library.penalties")}</span>
          <LocalText text={fw.penalties.text} />
        </p>
      )}
      {missing?.missing?.map((a) => (
        <p key={a.id} className="currency-warning" role="note" data-testid={`currency-missing-${fw.framework}`}>
          {currencyText.missing(a, missing.textAsOf)}
        </p>
      ))}
      {open && (
        <ul className="requirement-list">
          {items.map((r) => (
            <RequirementItem key={r.urn} requirement={r} context={context} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RequirementItem({ requirement: r, context }: { requirement: ApplicableRequirement; context: ExplainContext }) {
  const { t, lang, day } = useI18n();
  const currencyText = useCurrencyText();
  return (
    <li className="requirement" data-timing={r.timing}>
      <div className="requirement__head">
        <Link to={nodePath(r.urn)} className="requirement__label">
          <LocalText text={r.label} mark="none" />
        </Link>
        {distinctTitle(r.label, r.title, lang) && (
          <span className="requirement__title">
            <LocalText text={r.title} mark="compact" />
          </span>
        )}
        {r.timing === "upcoming" && r.from && <span className="date-badge date-badge--upcoming">{t("applicability.fromDate", { date: day(r.from) })}</span>}
        {r.obligation?.map((kind) => (
          <span key={kind} className={`obligation-badge obligation-badge--${kind}`} title={t("library.obligation.hint")} data-testid="obligation">
            {t(`library.obligation.${kind}`)}
          </span>
        ))}
      </div>
      {r.currency?.changes?.map((a) => (
        <p key={a.id} className="currency-change" data-testid="currency-change">
          {currencyText.change(a)}
        </p>
      ))}
      <Disclosure summary={t("applicability.why")} className="why">
        {() =>
          r.rules.map((id) => {
            const e = context.explanations.get(id);
            return e ? <RuleExplanation key={id} explanation={e} context={context} /> : <code key={id}>{id}</code>;
          })
        }
      </Disclosure>
    </li>
  );
}
