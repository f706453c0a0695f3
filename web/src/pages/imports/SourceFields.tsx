import { useEffect, useRef, useState } from "react";
import { Field, FormAttempt } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { SOURCE_LIMITS, type SourceDraft, type SourceProblems } from "./reference-source.ts";

interface SourceFieldsProps {
  source: SourceDraft;
  problems: SourceProblems;
  /** How many times the person asked for the preview; each refused attempt shows every problem and focuses the first. */
  attempt: number;
  onChange(source: SourceDraft): void;
}

const FIELDS = ["name", "licence", "url"] as const;

/**
 * The source a public register's cases are imported as: its name (which the cases are shown and
 * replaced under), licence and address. A field's problem shows once the preview was asked for,
 * or when the person leaves a field holding text that will not do; a blank required field is not
 * scolded before then.
 */
export function SourceFields({ source, problems, attempt, onChange }: SourceFieldsProps) {
  const { t } = useI18n();
  const [left, setLeft] = useState<ReadonlySet<keyof SourceDraft>>(new Set());
  const inputs = useRef<Partial<Record<keyof SourceDraft, HTMLInputElement | null>>>({});
  const shown = (field: keyof SourceDraft) => {
    const problem = problems[field];
    return problem && (attempt > 0 || (left.has(field) && source[field].trim() !== "")) ? t(problem) : undefined;
  };

  useEffect(() => {
    if (attempt === 0) return;
    const first = FIELDS.find((f) => problems[f] !== undefined);
    if (first) inputs.current[first]?.focus();
    // Only a new attempt moves the focus, never a keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const input = (field: keyof SourceDraft, extra: { type?: string; testId: string }) => (
    <input
      ref={(el) => {
        inputs.current[field] = el;
      }}
      className="input"
      type={extra.type ?? "text"}
      value={source[field]}
      maxLength={SOURCE_LIMITS[field]}
      onChange={(e) => onChange({ ...source, [field]: e.target.value })}
      onBlur={() => setLeft((s) => new Set(s).add(field))}
      data-testid={extra.testId}
    />
  );

  return (
    <FormAttempt.Provider value={attempt}>
      <fieldset className="import-source" data-testid="reference-source">
        <legend className="card__subtitle">{t("referenceImports.source.title")}</legend>
        <p className="field__hint">{t("referenceImports.source.hint")}</p>
        <div className="form__row">
          <Field label={t("referenceImports.source.name")} hint={t("referenceImports.source.nameHint")} error={shown("name")}>
            {input("name", { testId: "reference-source-name" })}
          </Field>
          <Field label={t("referenceImports.source.licence")} hint={t("referenceImports.source.licenceHint")} error={shown("licence")}>
            {input("licence", { testId: "reference-source-licence" })}
          </Field>
          <Field label={t("referenceImports.source.url")} hint={t("referenceImports.source.urlHint")} error={shown("url")} optional>
            {input("url", { type: "url", testId: "reference-source-url" })}
          </Field>
        </div>
      </fieldset>
    </FormAttempt.Provider>
  );
}
