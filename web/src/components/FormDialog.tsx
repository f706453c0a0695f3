import type { ReactNode } from "react";
import type { FormSave } from "../hooks/useFormSave.ts";
import { Dialog } from "./Dialog.tsx";
import { DialogFooter } from "./DialogFooter.tsx";
import { FormAttempt } from "./Field.tsx";
import { Notice } from "./Notice.tsx";

interface FormDialogProps {
  title: string;
  onClose(): void;
  testId: string;
  size?: "small" | "medium";
  /** The form's id (the footer's submit button names it) and class. */
  formId: string;
  formClassName?: string;
  /** The form's save: its submit handler, whether it runs, and a message about the whole form to show above the fields. */
  form: Pick<FormSave, "onSubmit" | "busy" | "formError"> & { attempt?: number };
  /** The submit button's label, its label while busy ("Saving…" unless given) and its test id. */
  submitLabel: string;
  busyLabel?: string;
  submitTestId: string;
  /** Disables the submit button until the form can be sent (it is always disabled while busy). */
  submitDisabled?: boolean;
  formErrorTestId?: string;
  children: ReactNode;
}

/**
 * A dialog around one form: the fields scroll in the body, Cancel and the submit button stay in
 * the footer, and an error the server did not pin on a field shows at the top of the form.
 */
export function FormDialog(props: FormDialogProps) {
  const { title, onClose, testId, size, formId, formClassName = "form", form, submitLabel, busyLabel, submitTestId, submitDisabled, formErrorTestId, children } = props;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId={testId}
      size={size}
      footer={<DialogFooter onCancel={onClose} label={submitLabel} busy={form.busy} busyLabel={busyLabel} form={formId} disabled={submitDisabled} testId={submitTestId} />}
    >
      <form id={formId} className={formClassName} onSubmit={form.onSubmit} noValidate>
        {form.formError && (
          <Notice kind="error" testId={formErrorTestId}>
            {form.formError}
          </Notice>
        )}
        <FormAttempt.Provider value={form.attempt ?? 0}>{children}</FormAttempt.Provider>
      </form>
    </Dialog>
  );
}
