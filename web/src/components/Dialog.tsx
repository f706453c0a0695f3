import { useEffect, useId, useRef, type ReactNode } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import "./dialog.css";

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons for the footer; the body scrolls, the footer stays. */
  footer?: ReactNode;
  size?: "small" | "medium";
  testId?: string;
}

/** A modal dialog on the native `<dialog>`: focus trapping, Escape and the backdrop come with it. */
export function Dialog({ title, onClose, children, footer, size = "medium", testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useI18n();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Where the focus was (the button that opened the dialog), to give it back on closing: the
    // native dialog would, but React removes the element before closing it, so the focus fell to
    // the page's start (WCAG 2.4.3).
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // showModal() focuses the first focusable element, the close button; start at the first field instead.
    dialog.querySelector<HTMLElement>(".dialog__body :is(input, select, textarea), .dialog__footer .button--primary")?.focus();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label={t("common.close")} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog__body">{children}</div>
      {footer && <footer className="dialog__footer">{footer}</footer>}
    </dialog>
  );
}
