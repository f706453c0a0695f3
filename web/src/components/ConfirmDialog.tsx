import { useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Dialog } from "./Dialog.tsx";
import { Notice } from "./Notice.tsx";

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  /** Runs the action; a thrown error is shown in the dialog, success closes it. */
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** "Are you sure?" with the action's own verb on the button, and its error shown in place. */
export function ConfirmDialog({ title, message, confirmLabel, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const { t, errorMessage } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={title}
      size="small"
      onClose={onClose}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </button>
          <button type="button" className={danger ? "button button--danger" : "button button--primary"} onClick={confirm} disabled={busy}>
            {busy ? t("common.working") : confirmLabel}
          </button>
        </>
      }
    >
      <p className="dialog-message">{message}</p>
      {error !== undefined && <Notice kind="error">{errorMessage(error)}</Notice>}
    </Dialog>
  );
}
