import { useRef, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";

interface SecretBoxProps {
  label: string;
  value: string;
  warning: string;
  testId?: string;
}

/** A secret shown once: read-only, monospace, with a copy button and the warning that it will not return. */
export function SecretBox({ label, value, warning, testId }: SecretBoxProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      input.current?.select();
      setState("failed");
    }
  };

  return (
    <div className="secret-box">
      <p className="secret-box__warning" role="alert">
        {warning}
      </p>
      <label className="field__label" htmlFor={`${testId ?? "secret"}-value`}>
        {label}
      </label>
      <div className="secret-box__row">
        <input
          ref={input}
          id={`${testId ?? "secret"}-value`}
          className="input secret-box__value"
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" onClick={copy}>
          {state === "copied" ? t("common.copied") : t("common.copy")}
        </button>
      </div>
      {state === "failed" && <p className="field__error">{t("common.copyFailed")}</p>}
    </div>
  );
}
