import type { ReactNode } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { NoticeMessage } from "./notice-message.ts";

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

/** A page's message (kept as a function of the language), dismissible; nothing when there is none. */
export function PageNotice({ notice, onDismiss, testId }: { notice: NoticeMessage | undefined; onDismiss(): void; testId?: string }) {
  const i18n = useI18n();
  if (!notice) return null;
  return (
    <Notice kind={notice.kind} onDismiss={onDismiss} testId={testId}>
      {notice.text(i18n)}
    </Notice>
  );
}
