import { useState } from "react";
import type { ConnectionView } from "../../api/exchange.ts";
import { oversightApi } from "../../api/oversight.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { KeyIds } from "./KeyIds.tsx";

interface DecisionDialogProps {
  registration: ConnectionView;
  decision: "approved" | "refused";
  onClose(): void;
  onDecided(next: ConnectionView): void;
}

/** Approves or refuses an organisation's registration, with a note it is told (signed) with the decision. */
export function DecisionDialog({ registration, decision, onClose, onDecided }: DecisionDialogProps) {
  const { t, lang } = useI18n();
  const [note, setNote] = useState("");
  const form = useFormSave({ onDone: onClose }, async () => {
    onDecided(await oversightApi.decide(registration.id, { decision, note: note.trim() || null }));
  });
  const name = plainText(registration.counterpart.name, lang);
  return (
    <FormDialog
      title={t(decision === "approved" ? "oversight.registrations.approveTitle" : "oversight.registrations.refuseTitle", { name })}
      onClose={onClose}
      testId="decision-dialog"
      formId="decision-form"
      form={form}
      size="small"
      submitLabel={t(decision === "approved" ? "oversight.registrations.approve" : "oversight.registrations.refuse")}
      submitTestId="decision-submit"
    >
      <p className="field__hint">{t("oversight.registrations.compareKeys")}</p>
      <KeyIds keys={registration.counterpartKeys} />
      <Field label={t("oversight.registrations.note")} hint={t("oversight.registrations.noteHint")} error={form.errors.note} optional>
        <textarea className="input" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="decision-note" />
      </Field>
    </FormDialog>
  );
}
