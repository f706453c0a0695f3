import { useEffect, useState } from "react";
import { searchSubjects, SUBJECT_TYPES, type SubjectRef, type SubjectType } from "../../api/workflow.ts";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { useDebounced } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { subjectLabel } from "./task-paths.ts";

interface SubjectPickerProps {
  value: SubjectRef | null;
  onChange(next: SubjectRef | null): void;
  error?: string | undefined;
}

/** Chooses the record a task acts on: its kind, then a search by code or name. */
export function SubjectPicker({ value, onChange, error }: SubjectPickerProps) {
  const { t, lang, errorMessage } = useI18n();
  const [type, setType] = useState<SubjectType>(value?.type ?? "system");
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 300);
  const [hits, setHits] = useState<SubjectRef[]>();
  const [failure, setFailure] = useState<unknown>();

  useEffect(() => {
    if (value) return;
    const controller = new AbortController();
    setFailure(undefined);
    searchSubjects(type, q, controller.signal)
      .then(setHits)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setFailure(err);
      });
    return () => controller.abort();
  }, [type, q, value]);

  if (value) {
    return (
      <div className="field">
        <span className="field__label">{t("tasks.field.subject")}</span>
        <div className="subject-picker__chosen" data-testid="subject-chosen">
          <span className="subject-link__type">{t(`tasks.subjectType.${value.type}`)}</span>
          <span>{subjectLabel(value, lang)}</span>
          <button type="button" className="button button--small" onClick={() => onChange(null)}>
            {t("tasks.subject.change")}
          </button>
        </div>
        {error && <p className="field__error">{error}</p>}
      </div>
    );
  }

  return (
    <fieldset className="fieldset-box" data-testid="subject-picker">
      <legend className="field__label">
        {t("tasks.field.subject")}
        <span className="field__optional">{t("common.optional")}</span>
      </legend>
      <div className="subject-picker__search">
        <OptionSelect value={type} options={SUBJECT_TYPES} label={(s) => t(`tasks.subjectType.${s}`)} onChange={setType} className="input input--compact" aria-label={t("tasks.subject.type")} />
        <input
          type="search"
          className="input"
          placeholder={t("tasks.subject.search")}
          aria-label={t("tasks.subject.search")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
          data-testid="subject-search"
        />
      </div>
      {failure !== undefined && <p className="field__error">{errorMessage(failure)}</p>}
      {hits && hits.length === 0 && <p className="muted subject-picker__none">{t("tasks.subject.none")}</p>}
      {hits && hits.length > 0 && (
        <ul className="subject-picker__hits">
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" className="link-button" onClick={() => onChange(h)} data-testid="subject-hit">
                {subjectLabel(h, lang)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
