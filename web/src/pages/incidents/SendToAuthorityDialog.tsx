import { useState } from "react";
import { exchangeApi, type ConnectionView, type OutgoingView } from "../../api/exchange.ts";
import type { IncidentView } from "../../api/incidents.ts";
import { CONFIDENTIAL_REASONS, type ConfidentialReason } from "../../api/oversight.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { INCIDENT_PARTS, marksOf, partWords, type IncidentPart } from "../oversight/confidential-parts.ts";
import "../oversight/oversight.css";

interface SendToAuthorityDialogProps {
  incident: IncidentView;
  /** The organisation's approved registrations with authorities (at least one). */
  authorities: readonly ConnectionView[];
  onClose(): void;
  onSent(sent: OutgoingView): void;
}

type Choices = Record<IncidentPart, ConfidentialReason | "">;
const NONE: Choices = Object.fromEntries(INCIDENT_PARTS.map((p) => [p, ""])) as Choices;

/**
 * Sends the incident's report, as it stands now, to an authority the organisation is registered
 * with, signed; the parts marked here are kept confidential by the authority and never published.
 */
export function SendToAuthorityDialog({ incident, authorities, onClose, onSent }: SendToAuthorityDialogProps) {
  const { t, lang } = useI18n();
  const [connectionId, setConnectionId] = useState(authorities[0]?.id ?? "");
  const [choices, setChoices] = useState<Choices>(NONE);
  const form = useFormSave({ onDone: onClose }, async () => {
    onSent(await exchangeApi.submit({ connectionId, kind: "incident-report", subject: incident.code, confidential: marksOf(choices) }));
  });
  const { errors } = form;
  const set = (part: IncidentPart, reason: ConfidentialReason | "") => setChoices((c) => ({ ...c, [part]: reason }));
  return (
    <FormDialog title={t("incidents.send.title", { code: incident.code })} onClose={onClose} testId="send-authority-dialog" formId="send-authority-form" form={form} submitLabel={t("incidents.send.submit")} busyLabel={t("incidents.send.sending")} submitTestId="send-authority-submit" submitDisabled={!connectionId}>
      <p className="field__hint">{t("incidents.send.explain")}</p>
      <Field label={t("incidents.send.authority")} error={errors.connectionId}>
        <select className="input" value={connectionId} onChange={(e) => setConnectionId(e.target.value)} data-testid="send-authority-connection">
          {authorities.map((c) => (
            <option key={c.id} value={c.id}>
              {plainText(c.counterpart.name, lang)}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="fieldset-box" data-testid="send-authority-parts">
        <legend className="field__label">{t("incidents.send.confidential")}</legend>
        <p className="field__hint">{t("incidents.send.confidentialHint")}</p>
        {INCIDENT_PARTS.map((part) => {
          const words = partWords(part);
          const name = t(words.key, words.params);
          return (
            <div key={part} className="send-part" data-part={part}>
              <label className="checkbox">
                <input type="checkbox" checked={choices[part] !== ""} onChange={(e) => set(part, e.target.checked ? "trade-secret" : "")} data-testid="send-part" />
                {name}
              </label>
              {choices[part] !== "" && (
                <OptionSelect
                  value={choices[part]}
                  options={CONFIDENTIAL_REASONS}
                  label={(r) => t(`oversight.confidential.reason.${r}`)}
                  onChange={(reason) => set(part, reason)}
                  aria-label={t("incidents.send.reason", { part: name })}
                  className="input input--compact"
                  testId="send-part-reason"
                />
              )}
            </div>
          );
        })}
        {errorFor(errors, "confidential") && <p className="field__error">{errorFor(errors, "confidential")}</p>}
      </fieldset>
    </FormDialog>
  );
}
