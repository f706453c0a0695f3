import type { ReactNode } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";

interface NoticeProps {
  kind: "info" | "success" | "warning" | "error";
  children: ReactNode;
  onDismiss?: () => void;
  testId?: string;
}

/** A message banner; errors and warnings are announced assertively, the rest politely. */
export function Notice({ kind, children, onDismiss, testId }: NoticeProps) {
  const { t } = useI18n();
  const urgent = kind === "error" || kind === "warning";
  return (
    <div className={`notice notice--${kind}`} role={urgent ? "alert" : "status"} data-testid={testId}>
      <div className="notice__body">{children}</div>
      {onDismiss && (
        <button type="button" className="icon-button notice__dismiss" aria-label={t("common.dismiss")} onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
