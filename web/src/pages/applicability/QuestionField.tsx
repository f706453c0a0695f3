import { useId } from "react";
import type { FactValue, ProfileQuestionView } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { nodePath } from "../library/vocabulary.ts";

interface QuestionFieldProps {
  question: ProfileQuestionView;
  value: FactValue | undefined;
  errors: string[] | undefined;
  onChange(value: FactValue | undefined): void;
  /** Set when the system record states this fact: shown, not asked (the record is where it changes). */
  fromRecord?: string;
}

/**
 * One profile question, by type: yes / no / not answered for booleans, a select for one option,
 * checkboxes (with "none of these") for several, a date, or text. Unanswered is always possible:
 * rules that need the answer then say "undetermined" instead of guessing.
 */
export function QuestionField({ question: q, value, errors, onChange, fromRecord }: QuestionFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const recordId = `${id}-record`;
  const describedBy = [fromRecord && recordId, q.help && helpId, errors?.length && errorId].filter(Boolean).join(" ") || undefined;
  const grouped = q.type === "boolean" || q.type === "multi";
  const answered = value !== undefined;
  const label = <LocalText text={q.label} />;

  return (
    <div className={errors?.length ? "question field--invalid" : "question"} data-testid={`question-${q.id}`} data-answered={answered} data-from-record={fromRecord ? "true" : undefined}>
      <fieldset className="question__record-lock" disabled={fromRecord !== undefined}>
      {grouped ? (
        <fieldset className="question__fieldset" aria-describedby={describedBy} id={`q-${q.id}`} tabIndex={-1}>
          <legend className="field__label question__label">{label}</legend>
          {q.type === "boolean" ? <BooleanInput name={id} value={value} onChange={onChange} /> : <MultiInput question={q} value={value} onChange={onChange} />}
        </fieldset>
      ) : (
        <>
          <label className="field__label question__label" htmlFor={`q-${q.id}`}>
            {label}
          </label>
          <SingleInput id={`q-${q.id}`} question={q} value={value} describedBy={describedBy} invalid={Boolean(errors?.length)} onChange={onChange} />
        </>
      )}
      </fieldset>
      {fromRecord && (
        <p className="question__from-record" id={recordId} data-testid={`from-record-${q.id}`}>
          {t("systems.profile.fromRecord", { field: fromRecord })}
        </p>
      )}
      {q.reading && (
        <p className="question__reading" data-testid={`reading-${q.id}`}>
          <span className="reading-mark">{t("library.musubiReading")}</span> <LocalText text={q.reading} />
        </p>
      )}
      {q.help && (
        <p className="field__hint" id={helpId}>
          <LocalText text={q.help} />
        </p>
      )}
      {q.basisRefs && q.basisRefs.length > 0 && (
        <p className="question__basis">
          {t("applicability.basis")}
          {q.basisRefs.map((ref) => (
            <Link key={ref.urn} to={nodePath(ref.urn)} className="question__basis-link">
              <LocalText text={ref.framework} mark="none" /> <LocalText text={ref.label} mark="none" />
            </Link>
          ))}
        </p>
      )}
      {errors && errors.length > 0 && (
        <p className="field__error" id={errorId} role="alert">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

function BooleanInput({ name, value, onChange }: { name: string; value: FactValue | undefined; onChange(v: boolean | undefined): void }) {
  const { t } = useI18n();
  const choices = [
    { key: "yes", v: true as boolean | undefined, label: t("applicability.yes") },
    { key: "no", v: false as boolean | undefined, label: t("applicability.no") },
    { key: "unanswered", v: undefined, label: t("applicability.unanswered") },
  ];
  return (
    <div className="choice-row">
      {choices.map((c) => (
        <label key={c.key} className={c.v === undefined ? "choice choice--unanswered" : "choice"}>
          <input type="radio" name={name} checked={value === c.v} onChange={() => onChange(c.v)} />
          {c.label}
        </label>
      ))}
    </div>
  );
}

function MultiInput({ question: q, value, onChange }: { question: ProfileQuestionView; value: FactValue | undefined; onChange(v: string[] | undefined): void }) {
  const { t } = useI18n();
  const selected = Array.isArray(value) ? value : [];
  const toggle = (option: string, on: boolean) => {
    const next = on ? [...selected, option] : selected.filter((s) => s !== option);
    // Keep the questions' option order, whatever order they were ticked in.
    onChange(q.options?.map((o) => o.value).filter((v) => next.includes(v)) ?? next);
  };
  return (
    <div className="choice-list">
      {q.options?.map((o) => (
        <label key={o.value} className="choice">
          <input type="checkbox" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
          <span>
            <LocalText text={o.label} mark="compact" />
            {o.help && (
              <span className="choice__help">
                <LocalText text={o.help} mark="none" />
              </span>
            )}
          </span>
        </label>
      ))}
      <label className="choice choice--none">
        <input type="checkbox" checked={Array.isArray(value) && value.length === 0} onChange={(e) => onChange(e.target.checked ? [] : undefined)} />
        {t("applicability.noneOfThese")}
      </label>
      {value === undefined ? (
        <span className="question__state">{t("applicability.notAnsweredYet")}</span>
      ) : (
        <button type="button" className="link-button question__clear" onClick={() => onChange(undefined)}>
          {t("applicability.clearAnswer")}
        </button>
      )}
    </div>
  );
}

interface SingleInputProps {
  id: string;
  question: ProfileQuestionView;
  value: FactValue | undefined;
  describedBy: string | undefined;
  invalid: boolean;
  onChange(v: string | undefined): void;
}

function SingleInput({ id, question: q, value, describedBy, invalid, onChange }: SingleInputProps) {
  const { t, lang } = useI18n();
  const text = typeof value === "string" ? value : "";
  const common = { id, "aria-describedby": describedBy, "aria-invalid": invalid || undefined };
  if (q.type === "enum") {
    return (
      <select className="input question__select" {...common} value={text} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t("applicability.selectUnanswered")}</option>
        {q.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {plainText(o.label, lang)}
          </option>
        ))}
      </select>
    );
  }
  if (q.type === "date") {
    return <input type="date" className="input input--narrow" {...common} value={text} onChange={(e) => onChange(e.target.value || undefined)} />;
  }
  return <input type="text" className="input" maxLength={2000} {...common} value={text} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)} />;
}
