import { useState, type KeyboardEvent } from "react";
import { useI18n } from "../../../i18n/I18nProvider.tsx";

interface TokenInputProps {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  values: string[];
  onChange(values: string[]): void;
  /** Normalises a typed entry (e.g. upper-cases a country code); return "" to refuse it. */
  normalize?: (text: string) => string;
  /** What a chip's tooltip says about its value (e.g. the country's name). */
  describe?: (value: string) => string | undefined;
  placeholder?: string;
  testId?: string;
}

/** A list of short values as chips: Enter, comma or leaving the field adds; × or Backspace removes. */
export function TokenInput({ values, onChange, normalize = (s) => s.trim(), describe, placeholder, testId, ...aria }: TokenInputProps) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const add = (raw: string) => {
    const items = raw.split(/[,、，\n]/).map(normalize).filter((s) => s !== "" && !values.includes(s));
    if (items.length > 0) onChange([...values, ...new Set(items)]);
    setText("");
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === "Enter" || e.key === ",") && !e.nativeEvent.isComposing) {
      e.preventDefault();
      add(text);
    } else if (e.key === "Backspace" && text === "" && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="token-input" data-testid={testId}>
      {values.map((v) => (
        <span key={v} className="token" title={describe?.(v)}>
          {v}
          <button type="button" className="token__remove" aria-label={t("systems.form.removeValue", { value: v })} onClick={() => onChange(values.filter((x) => x !== v))}>
            ×
          </button>
        </span>
      ))}
      <input
        {...aria}
        className="token-input__field"
        value={text}
        placeholder={values.length === 0 ? placeholder : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => text.trim() && add(text)}
      />
    </div>
  );
}
