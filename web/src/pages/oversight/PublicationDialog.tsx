import { useEffect, useState } from "react";
import { oversightApi, PUBLICATION_SUBJECTS, type AdvisoryView, type CaseSummary, type PublicationSubject, type PublicationView } from "../../api/oversight.ts";
import { todayIso } from "../../components/dates.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { approvedOrganisations } from "./audience-logic.ts";
import { periodEnding } from "./trends-logic.ts";
import type { AudienceOptions } from "./useAudienceOptions.ts";

interface PublicationDialogProps {
  options: AudienceOptions;
  onClose(): void;
  onSaved(saved: PublicationView): void;
}

/**
 * Drafts a publication for the public register: a case, a sent advisory, or statistics for a
 * period; possibly naming a registered organisation (which is then given notice and may respond);
 * its title and text in both languages. A text quoting a part a sender marked confidential is
 * refused at the field it is in.
 */
export function PublicationDialog({ options, onClose, onSaved }: PublicationDialogProps) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<PublicationSubject>("statistics");
  const [subjectId, setSubjectId] = useState("");
  const [period, setPeriod] = useState(() => periodEnding(todayIso(), 12));
  const [connectionId, setConnectionId] = useState("");
  const [titleJa, setTitleJa] = useState("");
  const [titleEn, setTitleEn] = useState("");
  const [bodyJa, setBodyJa] = useState("");
  const [bodyEn, setBodyEn] = useState("");
  const subjects = useSubjects();
  const organisations = approvedOrganisations(options.registrations, lang);
  const form = useFormSave({ onDone: onClose }, async () => {
    onSaved(
      await oversightApi.draftPublication({
        subjectType: kind,
        ...(kind !== "statistics" && subjectId && { subjectId }),
        ...(kind === "statistics" && { from: period.from, to: period.to }),
        ...(connectionId && { connectionId }),
        titleJa: titleJa.trim(),
        titleEn: titleEn.trim(),
        bodyJa: bodyJa.trim(),
        bodyEn: bodyEn.trim(),
      }),
    );
  });
  const { errors } = form;
  const ready = kind === "statistics" ? period.from !== "" && period.to !== "" && period.from <= period.to : subjectId !== "";
  return (
    <FormDialog title={t("oversight.publications.create")} onClose={onClose} testId="publication-dialog" formId="publication-form" form={form} submitLabel={t("oversight.publications.createSubmit")} submitTestId="publication-save" submitDisabled={!ready}>
      <p className="field__hint">{t("oversight.publications.explain")}</p>
      <Field label={t("oversight.publications.kind")} error={errors.subjectType}>
        <OptionSelect
          value={kind}
          options={PUBLICATION_SUBJECTS}
          label={(k) => t(`oversight.publicationKind.${k}`)}
          onChange={(k) => {
            setKind(k);
            setSubjectId("");
          }}
          testId="publication-kind"
        />
      </Field>
      {kind === "case" && (
        <Field label={t("oversight.publications.case")} error={errors.subjectId} hint={subjects.cases?.length === 0 ? t("oversight.publications.noCases") : undefined}>
          <select className="input" value={subjectId} onChange={(e) => setSubjectId(e.target.value)} data-testid="publication-case">
            <option value="">{t("oversight.audience.choose")}</option>
            {(subjects.cases ?? []).map((c) => (
              <option key={c.id} value={c.id}>{`${c.code} ${plainText(c.title, lang)}`}</option>
            ))}
          </select>
        </Field>
      )}
      {kind === "advisory" && (
        <Field label={t("oversight.publications.advisory")} error={errors.subjectId} hint={subjects.advisories?.length === 0 ? t("oversight.publications.noAdvisories") : undefined}>
          <select className="input" value={subjectId} onChange={(e) => setSubjectId(e.target.value)} data-testid="publication-advisory">
            <option value="">{t("oversight.audience.choose")}</option>
            {(subjects.advisories ?? []).map((a) => (
              <option key={a.id} value={a.id}>{`${a.code} ${plainText(a.title, lang)}`}</option>
            ))}
          </select>
        </Field>
      )}
      {kind === "statistics" && (
        <div className="form__row">
          <Field label={t("oversight.publications.from")} error={errors.from}>
            <input className="input" type="month" required value={period.from} onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))} data-testid="publication-from" />
          </Field>
          <Field label={t("oversight.publications.to")} error={errors.to}>
            <input className="input" type="month" required value={period.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))} data-testid="publication-to" />
          </Field>
        </div>
      )}
      <Field label={t("oversight.publications.names")} hint={t("oversight.publications.namesHint")} error={errors.connectionId} optional>
        <select className="input" value={connectionId} onChange={(e) => setConnectionId(e.target.value)} data-testid="publication-organisation">
          <option value="">{t("oversight.publications.namesNone")}</option>
          {organisations.map((r) => (
            <option key={r.id} value={r.id}>
              {plainText(r.counterpart.name, lang)}
            </option>
          ))}
        </select>
      </Field>
      <p className="field__hint">{t("oversight.publications.confidentialHint")}</p>
      <Field label={t("oversight.field.titleJa")} error={errors.titleJa}>
        <input className="input" lang="ja" required maxLength={300} value={titleJa} onChange={(e) => setTitleJa(e.target.value)} data-testid="publication-title-ja" />
      </Field>
      <Field label={t("oversight.field.titleEn")} error={errors.titleEn}>
        <input className="input" lang="en" required maxLength={300} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} data-testid="publication-title-en" />
      </Field>
      <Field label={t("oversight.field.bodyJa")} error={errors.bodyJa}>
        <textarea className="input" lang="ja" rows={5} maxLength={50000} value={bodyJa} onChange={(e) => setBodyJa(e.target.value)} data-testid="publication-body-ja" />
      </Field>
      <Field label={t("oversight.field.bodyEn")} error={errors.bodyEn}>
        <textarea className="input" lang="en" rows={5} maxLength={50000} value={bodyEn} onChange={(e) => setBodyEn(e.target.value)} data-testid="publication-body-en" />
      </Field>
    </FormDialog>
  );
}

/** The cases and the sent advisories a publication may be about; undefined until loaded. */
function useSubjects(): { cases: CaseSummary[] | undefined; advisories: AdvisoryView[] | undefined } {
  const [cases, setCases] = useState<CaseSummary[]>();
  const [advisories, setAdvisories] = useState<AdvisoryView[]>();
  useEffect(() => {
    const controller = new AbortController();
    oversightApi
      .cases({ limit: 200 }, controller.signal)
      .then(setCases)
      .catch(() => setCases([]));
    oversightApi
      .advisories({ limit: 200 }, controller.signal)
      .then((list) => setAdvisories(list.filter((a) => a.status === "sent")))
      .catch(() => setAdvisories([]));
    return () => controller.abort();
  }, []);
  return { cases, advisories };
}
