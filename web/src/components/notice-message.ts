import type { I18n } from "../i18n/I18nProvider.tsx";

/**
 * A page-level message kept as a function of the language, so it follows a language switch
 * instead of staying in the language it was raised in.
 */
export interface NoticeMessage {
  kind: "info" | "success" | "warning" | "error";
  text(i18n: I18n): string;
}
