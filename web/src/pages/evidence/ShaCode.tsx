import { useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** A file's SHA-256: the first 12 characters, the whole on hover, and a button that copies the whole. */
export function ShaCode({ sha256 }: { sha256: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sha256);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <span className="sha">
      <code className="sha__value" title={sha256} data-testid="evidence-sha">
        {`${sha256.slice(0, 12)}…`}
      </code>
      <button
        type="button"
        className="link-button sha__copy"
        onClick={copy}
        aria-label={t("evidence.copySha")}
        title={state === "failed" ? t("common.copyFailed") : sha256}
      >
        {state === "copied" ? t("common.copied") : t("common.copy")}
      </button>
    </span>
  );
}
