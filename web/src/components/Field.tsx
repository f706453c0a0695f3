import { cloneElement, useId, type ReactElement } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";

interface FieldProps {
  label: string;
  /** One input, select or textarea; it receives `id` and the ARIA links to hint and error. */
  children: ReactElement<{ id?: string; "aria-describedby"?: string; "aria-invalid"?: boolean }>;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
}

/** A labelled form control with its hint and its server-side error underneath. */
export function Field({ label, children, hint, error, optional }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional">{t("common.optional")}</span>}
      </label>
      {cloneElement(children, { id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
