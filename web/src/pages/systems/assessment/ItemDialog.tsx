import { useState, type FormEvent } from "react";
import { ITEM_STATUSES, type ItemStatus, type ItemView, type UpdateItemInput } from "../../../api/systems.ts";
import { Dialog } from "../../../components/Dialog.tsx";
import { Field } from "../../../components/Field.tsx";
import { Notice } from "../../../components/Notice.tsx";
import { fieldErrors } from "../../../hooks/fieldErrors.ts";
import { ITEM_STATUS_LABELS } from "../../../components/status-tones.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { plainText } from "../../../i18n/text.ts";
import { useUsers } from "../form/useUsers.ts";
import { reasonText } from "./item-reason.ts";

interface ItemDialogProps {
  item: ItemView;
  /** A status picked in the row that needs more (a justification for "not applicable"). */
  presetStatus?: ItemStatus | undefined;
  onSave(input: Omit<UpdateItemInput, "version">): Promise<void>;
  onClose(): void;
}

/**
 * Everything about one row: status, its free text (labelled by what it means for the status: the
 * reason "not applicable" needs, what a gap is missing, or a note), owner, due date and comment.
 */
export function ItemDialog({ item, presetStatus, onSave, onClose }: ItemDialogProps) {
  const { t, lang, errorMessage } = useI18n();
  const users = useUsers();
  const [status, setStatus] = useState<ItemStatus>(presetStatus ?? item.answer ?? "not_started");
  const [justification, setJustification] = useState(item.justification ?? "");
  const [ownerId, setOwnerId] = useState(item.owner?.id ?? "");
  const [dueDate, setDueDate] = useState(item.dueDate ?? "");
  const [comment, setComment] = useState(item.comment ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status === "not_applicable" && justification.trim() === "") return setMissing(true);
    setBusy(true);
    setError(undefined);
    try {
      await onSave({
        status,
        justification: justification.trim() || null,
        ownerId: ownerId || null,
        dueDate: dueDate || null,
        comment: comment.trim() || null,
      });
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  const reason = reasonText(status);
  // The one rule on this text is worded here, in the UI language and for the status chosen.
  const reasonMissing = reason.required && !justification.trim() && (missing || errors.justification !== undefined);
  const reasonError = reasonMissing ? t("systems.assess.justificationRequired") : errors.justification;
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;
  return (
    <Dialog
      title={plainText(item.requirement.label, lang)}
      onClose={onClose}
      testId="item-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="item-form" className="button button--primary" disabled={busy} data-testid="item-save">
            {busy ? t("common.saving") : t("common.save")}
          </button>
        </>
      }
    >
      <form id="item-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <Field label={t("systems.assess.col.status")} error={errors.status}>
          <select className="input" value={status} onChange={(e) => setStatus(e.target.value as ItemStatus)} data-testid="item-dialog-status">
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(ITEM_STATUS_LABELS[s])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t(reason.label)} hint={t(reason.hint)} error={reasonError} optional={!reason.required}>
          <textarea className="input" rows={3} maxLength={4000} value={justification} onChange={(e) => setJustification(e.target.value)} data-testid="item-justification" />
        </Field>
        <div className="form__row">
          <Field label={t("systems.assess.col.owner")} error={errors.ownerId} optional>
            <select className="input" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
              <option value="">{t("systems.form.noOwner")}</option>
              {ownerId && !users.some((u) => u.id === ownerId) && <option value={ownerId}>{item.owner?.displayName ?? ownerId}</option>}
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("systems.assess.col.due")} error={errors.dueDate} optional>
            <input type="date" className="input" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </Field>
        </div>
        <Field label={t("systems.assess.comment")} error={errors.comment} optional>
          <textarea className="input" rows={3} maxLength={4000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
