import { useI18n } from "../i18n/I18nProvider.tsx";

interface DialogFooterProps {
  onCancel(): void;
  /** The primary button's label. */
  label: string;
  busy: boolean;
  /** The primary button's label while busy; "Saving…" unless given. */
  busyLabel?: string | undefined;
  /** The form the primary button submits; without one it is a plain button that calls `onConfirm`. */
  form?: string | undefined;
  onConfirm?: (() => void) | undefined;
  /** Disables the primary button (it is always disabled while busy). */
  disabled?: boolean | undefined;
  /** Disables Cancel too while busy. */
  lockCancel?: boolean | undefined;
  testId?: string | undefined;
}

/** A dialog's footer: Cancel, and the primary button that saves (or confirms) and says so while busy. */
export function DialogFooter({ onCancel, label, busy, busyLabel, form, onConfirm, disabled, lockCancel, testId }: DialogFooterProps) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" className="button" onClick={onCancel} disabled={lockCancel ? busy : undefined}>
        {t("common.cancel")}
      </button>
      <button type={form ? "submit" : "button"} form={form} className="button button--primary" onClick={onConfirm} disabled={busy || disabled} data-testid={testId}>
        {busy ? (busyLabel ?? t("common.saving")) : label}
      </button>
    </>
  );
}
