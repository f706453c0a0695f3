import { useState, type FormEvent } from "react";
import { WEBHOOK_EVENTS, webhooksApi, type CreatedWebhook } from "../../api/workflow.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { SecretBox } from "../../components/SecretBox.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { parseEvents } from "./webhook-help.ts";

/** Add a webhook endpoint (address and the events it receives); then its signing secret, shown this once. */
export function WebhookDialog({ onClose, onCreated }: { onClose(): void; onCreated(created: CreatedWebhook): void }) {
  const { t, errorMessage } = useI18n();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>(["*"]);
  const [other, setOther] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<CreatedWebhook>();

  const toggle = (event: string, on: boolean) => setEvents((all) => (on ? [...all, event] : all.filter((e) => e !== event)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const chosen = [...new Set([...events, ...parseEvents(other)])];
      const result = await webhooksApi.create({ url: url.trim(), events: chosen });
      setCreated(result);
      onCreated(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

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

  const errors = fieldErrors(error);
  const eventsError = Object.entries(errors).find(([k]) => k === "events" || k.startsWith("events."))?.[1];
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;

  return (
    <Dialog
      title={t("webhooks.dialog.title")}
      onClose={onClose}
      testId="webhook-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="webhook-form" className="button button--primary" disabled={busy || (events.length === 0 && !other.trim())} data-testid="webhook-submit">
            {busy ? t("common.creating") : t("common.create")}
          </button>
        </>
      }
    >
      <form id="webhook-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <Field label={t("webhooks.field.url")} hint={t("webhooks.field.urlHint")} error={errors.url}>
          <input className="input input--mono" type="url" required maxLength={2000} value={url} onChange={(e) => setUrl(e.target.value)} data-testid="webhook-url" />
        </Field>
        <fieldset className="event-picker">
          <legend className="field__label">{t("webhooks.field.events")}</legend>
          <p className="field__hint">{t("webhooks.field.eventsHint")}</p>
          <div className="event-picker__grid">
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="checkbox">
                <input type="checkbox" checked={events.includes(event)} onChange={(e) => toggle(event, e.target.checked)} data-testid="webhook-event" value={event} />
                <code>{event}</code>
              </label>
            ))}
          </div>
          <Field label={t("webhooks.field.otherEvents")} hint={t("webhooks.field.otherEventsHint")} error={eventsError} optional>
            <input className="input input--mono" value={other} onChange={(e) => setOther(e.target.value)} />
          </Field>
        </fieldset>
      </form>
    </Dialog>
  );
}
