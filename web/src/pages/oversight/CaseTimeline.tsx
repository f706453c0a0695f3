import { useState } from "react";
import { oversightApi, type CaseDetail, type CaseEntryKind } from "../../api/oversight.ts";
import { Card } from "../../components/Card.tsx";
import { Field } from "../../components/Field.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { formatWhen } from "../incidents/incident-rules.ts";
import { intakePath } from "./oversight-paths.ts";

const ENTRY_KINDS = ["note", "countermeasure"] as const satisfies readonly CaseEntryKind[];

interface CaseTimelineProps {
  detail: CaseDetail;
  /** Lets a note or a countermeasure be added; absent for those who only read. */
  onAdded: ((next: CaseDetail) => void) | undefined;
}

/**
 * The case in order, oldest first: when each incident happened, when each submission arrived, and
 * the analysts' notes and the countermeasures considered.
 */
export function CaseTimeline({ detail, onAdded }: CaseTimelineProps) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Card title={t("oversight.case.timeline")} titleId="case-timeline-title" testId="case-timeline">
      {detail.timeline.length === 0 ? (
        <p className="muted">{t("oversight.case.timelineEmpty")}</p>
      ) : (
        <ol className="case-timeline">
          {detail.timeline.map((e, i) => (
            <li key={`${e.at}-${i}`} className={`case-timeline__entry case-timeline__entry--${e.kind}`} data-testid="case-timeline-entry" data-kind={e.kind}>
              <div className="case-timeline__meta">
                <time dateTime={e.at}>{formatWhen(i18n, e.at)}</time>
                <span className="case-timeline__kind">{t(`oversight.case.entry.${e.kind}`)}</span>
                {e.by && <span className="muted">{e.by}</span>}
              </div>
              <p className="pre-text case-timeline__body">{e.intakeId ? <Link to={intakePath(e.intakeId)}>{e.text}</Link> : e.text}</p>
            </li>
          ))}
        </ol>
      )}
      {onAdded && <EntryForm detail={detail} onAdded={onAdded} />}
    </Card>
  );
}

function EntryForm({ detail, onAdded }: { detail: CaseDetail; onAdded(next: CaseDetail): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<CaseEntryKind>("note");
  const [body, setBody] = useState("");
  const form = useFormSave({}, async () => {
    const next = await oversightApi.addCaseEntry(detail.id, { kind, body: body.trim() });
    setBody("");
    onAdded(next);
  });
  const { errors, formError } = form;
  return (
    <form className="form case-timeline__form" onSubmit={form.onSubmit} noValidate>
      <h3 className="card__subtitle">{t("oversight.case.addEntry")}</h3>
      <Field label={t("oversight.case.entryKind")} error={errors.kind}>
        <OptionSelect value={kind} options={ENTRY_KINDS} label={(k) => t(`oversight.case.entry.${k}`)} onChange={setKind} testId="case-entry-kind" />
      </Field>
      <Field label={t(kind === "note" ? "oversight.case.noteBody" : "oversight.case.countermeasureBody")} error={errors.body ?? formError}>
        <textarea className="input" rows={3} maxLength={20000} value={body} onChange={(e) => setBody(e.target.value)} data-testid="case-entry-body" />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={form.busy || !body.trim()} data-testid="case-entry-add">
          {form.busy ? t("common.saving") : t(kind === "note" ? "oversight.case.addNote" : "oversight.case.addCountermeasure")}
        </button>
      </div>
    </form>
  );
}
