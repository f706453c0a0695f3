import { useState } from "react";
import { incidentsApi, type IncidentView } from "../../api/incidents.ts";
import { Field } from "../../components/Field.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { isoOfLocalInput } from "./incident-form.ts";
import { formatWhen, statusChangeOf } from "./incident-rules.ts";

interface IncidentTimelineProps {
  incident: IncidentView;
  /** Lets a note be added; absent when this person may not work the incident. */
  onAdded: ((incident: IncidentView) => void) | undefined;
}

/**
 * What happened and what was done, in order: filing, status changes, root cause, alerts from
 * monitoring tools, notes and closure. A note can be dated in the past, for what is learnt late.
 */
export function IncidentTimeline({ incident, onAdded }: IncidentTimelineProps) {
  const i18n = useI18n();
  const { t, label } = i18n;
  /** A status change reads "Open → Investigating" in the UI language; every other body as written. */
  const timelineBody = (kind: string, body: string) => {
    const change = kind === "status" ? statusChangeOf(body) : undefined;
    return change ? t("incidents.timeline.statusChange", { from: label("incidents.status.", change[0]), to: label("incidents.status.", change[1]) }) : body;
  };
  return (
    <section className="card" aria-labelledby="incident-timeline-title" data-testid="incident-timeline">
      <h2 className="card__title" id="incident-timeline-title">
        {t("incidents.section.timeline")}
      </h2>
      <ol className="incident-timeline">
        {incident.timeline.map((e) => (
          <li key={e.id} className={`incident-timeline__entry incident-timeline__entry--${e.kind}`} data-testid="timeline-entry" data-kind={e.kind}>
            <div className="incident-timeline__meta">
              <time dateTime={e.at}>{formatWhen(i18n, e.at)}</time>
              <span className="incident-timeline__kind">{label("incidents.timeline.kind.", e.kind)}</span>
              {e.author && <span className="muted">{e.author.displayName}</span>}
            </div>
            <p className="pre-text incident-timeline__body">{timelineBody(e.kind, e.body)}</p>
          </li>
        ))}
      </ol>
      {onAdded && <TimelineForm incident={incident} onAdded={onAdded} />}
    </section>
  );
}

function TimelineForm({ incident, onAdded }: { incident: IncidentView; onAdded(incident: IncidentView): void }) {
  const { t } = useI18n();
  const [body, setBody] = useState("");
  const [at, setAt] = useState("");

  const form = useFormSave({}, async () => {
    if (!body.trim()) return;
    const when = isoOfLocalInput(at);
    const saved = await incidentsApi.addTimeline(incident.id, { body: body.trim(), ...(when !== null && { at: when }) });
    setBody("");
    setAt("");
    onAdded(saved);
  });
  const { errors, formError } = form;

  return (
    <form className="form incident-timeline__form" onSubmit={form.onSubmit} noValidate>
      <h3 className="card__subtitle">{t("incidents.timeline.add")}</h3>
      <Field label={t("incidents.timeline.body")} error={errors.body ?? formError}>
        <textarea className="input" rows={2} maxLength={8000} value={body} onChange={(e) => setBody(e.target.value)} data-testid="timeline-body" />
      </Field>
      <div className="incident-timeline__row">
        <Field label={t("incidents.timeline.at")} hint={t("incidents.timeline.atHint")} error={errors.at} optional>
          <input className="input" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} data-testid="timeline-at" />
        </Field>
        <button type="submit" className="button button--primary" disabled={form.busy || !body.trim()} data-testid="timeline-add">
          {form.busy ? t("common.saving") : t("incidents.timeline.submit")}
        </button>
      </div>
    </form>
  );
}
