import { LOCALES } from "../api/types.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { NATIVE_LANGUAGE_NAMES } from "../i18n/languages.ts";
import "./language-switch.css";

/** 日本語 / English: each language named in itself, the current one pressed. */
export function LanguageSwitch() {
  const { lang, setLanguage, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t("language.switch")} data-testid="language-switch">
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="lang-switch__option"
          aria-pressed={lang === code}
          onClick={() => setLanguage(code)}
        >
          {NATIVE_LANGUAGE_NAMES[code]}
        </button>
      ))}
    </div>
  );
}
