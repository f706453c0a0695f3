import { cloneElement, createContext, useContext, useId, useState, type ChangeEvent, type ReactElement } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { zoneDiffersFromViewer } from "../i18n/zone.ts";
import { lengthMessage, textLength } from "./field-limits.ts";

type ControlProps = {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  maxLength?: number;
  value?: unknown;
  onChange?: (e: ChangeEvent<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>) => void;
};

interface FieldProps {
  label: string;
  /**
   * One input, select or textarea; it receives `id` and the ARIA links to hint and error. Its
   * `maxLength` is shown as a limit and checked as the user types, never enforced by truncation.
   */
  children: ReactElement<ControlProps>;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
}

/**
 * Counts the save attempts of the form around a field, so a field whose error was cleared by an
 * edit shows it again when the next save is refused with the same message.
 */
export const FormAttempt = createContext(0);

/**
 * A labelled form control with its hint, the length limit, and the server's error underneath,
 * named by the field's label. The error goes away as soon as the user edits the field; a text
 * over its limit is never cut: the count turns red and says by how much, before anything is sent.
 */
export function Field({ label, children, hint, error, optional }: FieldProps) {
  const { t, number, timeZone } = useI18n();
  const id = useId();
  const attempt = useContext(FormAttempt);
  const [cleared, setCleared] = useState<{ error: string; attempt: number } | undefined>();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;

  const { maxLength, value, onChange } = children.props;
  const length = maxLength !== undefined && typeof value === "string" ? textLength(value) : undefined;
  const over = length !== undefined && maxLength !== undefined && length > maxLength;
  const showCount = length !== undefined && maxLength !== undefined && (children.type === "textarea" || length >= maxLength * 0.8);
  const serverError = error && !(cleared && cleared.error === error && cleared.attempt === attempt) ? error : undefined;
  const message = over ? lengthMessage(t, number, maxLength, length) : serverError;

  // A time typed here is read on the organisation's clock: say so when the viewer's is another.
  const zoneHint = (children.props as { type?: string }).type === "datetime-local" && zoneDiffersFromViewer(timeZone) ? t("field.zoneHint", { zone: timeZone }) : undefined;
  const hints = [hint, zoneHint].filter(Boolean).join(" ");
  const describedBy = [hints && hintId, showCount && countId, message && errorId].filter(Boolean).join(" ") || undefined;
  const control = cloneElement(children, {
    id,
    "aria-describedby": describedBy,
    "aria-invalid": message ? true : undefined,
    maxLength: undefined,
    onChange: (e) => {
      if (error) setCleared({ error, attempt });
      onChange?.(e);
    },
  });
  return (
    <div className={message ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional">{t("common.optional")}</span>}
      </label>
      {control}
      {hints && (
        <p className="field__hint" id={hintId}>
          {hints}
        </p>
      )}
      {showCount && (
        <p className={over ? "field__count field__count--over" : "field__count"} id={countId}>
          {t("field.count", { count: number(length), max: number(maxLength) })}
        </p>
      )}
      {message && (
        <p className="field__error" id={errorId} data-testid="field-error">
          {t("field.error", { label, message })}
        </p>
      )}
    </div>
  );
}
