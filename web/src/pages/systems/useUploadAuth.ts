import type { UploadAuth } from "../../api/systems.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";

/** The session's CSRF token and the UI language, for requests that send a file's raw bytes. */
export function useUploadAuth(): UploadAuth {
  const { session } = useSignedIn();
  const { lang } = useI18n();
  return { csrfToken: session.csrfToken, lang };
}
