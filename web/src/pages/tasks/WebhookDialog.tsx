import { useState } from "react";
import { WEBHOOK_EVENTS, webhooksApi, type CreatedWebhook } from "../../api/workflow.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { SecretBox } from "../../components/SecretBox.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { eventLabel, parseEvents } from "./webhook-help.ts";

/** Add a webhook endpoint (address and the events it receives); then its signing secret, shown this once. */
export function WebhookDialog({ onClose, onCreated }: { onClose(): void; onCreated(created: CreatedWebhook): void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>(["*"]);
  const [other, setOther] = useState("");
  const [created, setCreated] = useState<CreatedWebhook>();

  const toggle = (event: string, on: boolean) => setEvents((all) => (on ? [...all, event] : all.filter((e) => e !== event)));

  const form = useFormSave({}, async () => {
    const chosen = [...new Set([...events, ...parseEvents(other)])];
    const result = await webhooksApi.create({ url: url.trim(), events: chosen });
    setCreated(result);
    onCreated(result);
  });
  const { errors } = form;

  if (created) {
    return (
      <Dialog
        title={t("webhooks.secret.title")}
        onClose={onClose}
        testId="webhook-created-dialog"
        footer={
          <button type="button" className="button button--primary" onClick={onClose}>
            {t("common.close")}
          </button>
        }
      >
        <p>{t("webhooks.secret.body", { url: created.url })}</p>
        <SecretBox label={t("webhooks.secret.label")} value={created.secret} warning={t("webhooks.secret.warning")} testId="webhook-secret" />
      </Dialog>
    );
  }

  return (
    <FormDialog
      title={t("webhooks.dialog.title")}
      onClose={onClose}
      testId="webhook-dialog"
      formId="webhook-form"
      form={form}
      submitLabel={t("common.create")}
      busyLabel={t("common.creating")}
      submitTestId="webhook-submit"
      submitDisabled={events.length === 0 && !other.trim()}
    >
      <Field label={t("webhooks.field.url")} hint={t("webhooks.field.urlHint")} error={errors.url}>
        <input className="input input--mono" type="url" required maxLength={2000} value={url} onChange={(e) => setUrl(e.target.value)} data-testid="webhook-url" />
      </Field>
      <fieldset className="fieldset-box">
        <legend className="field__label">{t("webhooks.field.events")}</legend>
        <p className="field__hint">{t("webhooks.field.eventsHint")}</p>
        <div className="event-picker__grid">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="checkbox">
              <input type="checkbox" checked={events.includes(event)} onChange={(e) => toggle(event, e.target.checked)} data-testid="webhook-event" value={event} />
              {eventLabel(t, event)} <code className="muted">{event}</code>
            </label>
          ))}
        </div>
        <Field label={t("webhooks.field.otherEvents")} hint={t("webhooks.field.otherEventsHint")} error={errorFor(errors, "events")} optional>
          <input className="input input--mono" value={other} onChange={(e) => setOther(e.target.value)} />
        </Field>
      </fieldset>
    </FormDialog>
  );
}
