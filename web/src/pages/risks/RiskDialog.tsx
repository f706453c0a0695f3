import { useState } from "react";
import { RISK_TREATMENTS, risksApi, type RiskMatrix, type RiskStatus, type RiskView } from "../../api/risks.ts";
import { CustomFieldInputs } from "../../components/custom/CustomFieldInputs.tsx";
import { customInputOf, draftOf as customDraftOf, type CustomDraft } from "../../components/custom/custom-values.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PersonSelect } from "../../components/PersonSelect.tsx";
import { SystemOptions } from "../../components/SystemOptions.tsx";
import { errorFor, hasFieldErrorOutside } from "../../hooks/fieldErrors.ts";
import { useCustomFields } from "../../hooks/useCustomFields.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useControlOptions, useSystemOptions } from "../../hooks/useOptions.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useOwners } from "../controls/useOwners.ts";
import { CategoryPicker } from "./CategoryPicker.tsx";
import { CheckList } from "./CheckList.tsx";
import { LevelSelect } from "./LevelSelect.tsx";
import { RatingPreview } from "./RatingBadge.tsx";
import { draftOf, inputOf, type RiskDraft } from "./risk-form.ts";
import { TREATMENT_LABELS } from "./risk-labels.ts";
import { usePerspectives, useTaxonomy } from "./useRiskRefs.ts";

/** The fields the form shows errors beside; any other field's error goes in the notice at the top. */
const FORM_FIELDS = [
  "code", "titleJa", "titleEn", "description", "systemId", "ownerId", "inherentLikelihood", "inherentImpact", "residualLikelihood",
  "residualImpact", "treatment", "treatmentPlan", "controlIds", "categories", "perspectives", "nextReviewOn", "status", "custom",
] as const;

interface RiskDialogProps {
  matrix: RiskMatrix;
  /** The risk to edit; none to register one. */
  risk?: RiskView | undefined;
  /** A new risk's system (the register's system filter). */
  systemId?: string | undefined;
  onClose(): void;
  onSaved(risk: RiskView): void;
}

/**
 * Register or edit a risk: what it is (both languages), where it applies, its inherent and
 * residual rating on the organisation's matrix, its treatment and controls, and how it is
 * classified (MIT taxonomy, J-AISI perspectives). The server checks everything; its per-field
 * messages show beside the fields.
 */
export function RiskDialog({ matrix, risk, systemId, onClose, onSaved }: RiskDialogProps) {
  const { t, lang, errorMessage } = useI18n();
  const { can } = useSignedIn();
  const owners = useOwners(can("users.read"));
  const systems = useSystemOptions(can("systems.read"));
  const controls = useControlOptions(can("controls.read"));
  const taxonomy = useTaxonomy(can("library.read"));
  const perspectives = usePerspectives();
  const [draft, setDraft] = useState<RiskDraft>(() => draftOf(risk, systemId ?? ""));
  const [code, setCode] = useState(risk?.code ?? "");
  const [status, setStatus] = useState<RiskStatus>(risk?.status ?? "open");
  const set = (patch: Partial<RiskDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const customFields = useCustomFields("risk");
  const [custom, setCustom] = useState<CustomDraft>({});
  const customDraft = { ...customDraftOf(customFields, risk?.custom), ...custom };

  const form = useFormSave({ version: risk?.version, onDone: onClose, codeField: true }, async (version) => {
    const input = inputOf(draft);
    const trimmedCode = code.trim();
    const customInput = customInputOf(customFields, customDraft, risk?.custom);
    if (risk && version !== undefined) {
      const statusChange = status !== risk.status && status !== "accepted" ? { status } : {};
      onSaved(
        await risksApi.update(risk.id, {
          ...input,
          ...(trimmedCode && trimmedCode !== risk.code ? { code: trimmedCode } : {}),
          ...statusChange,
          ...(customInput && { custom: customInput }),
          version,
        }),
      );
    } else {
      onSaved(await risksApi.create({ ...input, ...(trimmedCode && { code: trimmedCode }), ...(customInput && { custom: customInput }) }));
    }
  });
  const { error, errors } = form;

  const err = (field: string) => errorFor(errors, field);
  const formError = error !== undefined && (Object.keys(errors).length === 0 || hasFieldErrorOutside(errors, FORM_FIELDS)) ? errorMessage(error) : undefined;
  const currentSystem = risk?.system;
  const otherTitle = (ja: string, en: string) => (lang === "ja" ? en : ja);
  const otherLang = lang === "ja" ? "en" : "ja";

  return (
    <FormDialog
      title={risk ? t("risks.dialog.editTitle", { code: risk.code }) : t("risks.dialog.createTitle")}
      onClose={onClose}
      testId="risk-dialog"
      formId="risk-form"
      formClassName="form risk-form"
      form={{ ...form, formError }}
      submitLabel={risk ? t("common.save") : t("risks.dialog.register")}
      submitTestId="risk-save"
      formErrorTestId="risk-form-error"
    >
      <h3 className="risk-form__section">{t("risks.form.sectionWhat")}</h3>
      <Field label={t("risks.field.titleJa")} error={err("titleJa")}>
        <input className="input" lang="ja" required maxLength={300} value={draft.titleJa} onChange={(e) => set({ titleJa: e.target.value })} data-testid="risk-title-ja" />
      </Field>
      <Field label={t("risks.field.titleEn")} error={err("titleEn")}>
        <input className="input" lang="en" required maxLength={300} value={draft.titleEn} onChange={(e) => set({ titleEn: e.target.value })} data-testid="risk-title-en" />
      </Field>
      <Field label={t("risks.field.description")} error={err("description")} optional>
        <textarea className="input" rows={3} maxLength={8000} value={draft.description} onChange={(e) => set({ description: e.target.value })} data-testid="risk-description" />
      </Field>
      <div className="form__row">
        <Field label={t("risks.field.system")} error={err("systemId")}>
          <select className="input" value={draft.systemId} onChange={(e) => set({ systemId: e.target.value })} data-testid="risk-system">
            <option value="">{t("risks.orgWide")}</option>
            <SystemOptions systems={currentSystem && !systems.some((s) => s.id === currentSystem.id) ? [currentSystem, ...systems] : systems} />
          </select>
        </Field>
        <Field label={t("risks.field.owner")} error={err("ownerId")} optional>
          <PersonSelect value={draft.ownerId} onChange={(ownerId) => set({ ownerId })} users={owners} offered={[risk?.owner]} emptyLabel={t("risks.noOwner")} testId="risk-owner" />
        </Field>
      </div>
      <div className="form__row">
        <Field label={t("risks.field.code")} hint={risk ? undefined : t("risks.field.codeHint")} error={err("code")} optional={!risk}>
          <input className="input input--mono" maxLength={40} value={code} onChange={(e) => setCode(e.target.value)} data-testid="risk-code" />
        </Field>
        {risk && (
          <Field label={t("risks.field.status")} error={err("status")} hint={status === "open" && risk.status === "accepted" ? t("risks.form.withdrawHint") : undefined}>
            <select className="input" value={status} onChange={(e) => setStatus(e.target.value as RiskStatus)} data-testid="risk-status">
              {risk.status === "accepted" && <option value="accepted">{t("risks.status.accepted")}</option>}
              <option value="open">{t("risks.status.open")}</option>
              <option value="closed">{t("risks.status.closed")}</option>
            </select>
          </Field>
        )}
      </div>

      <h3 className="risk-form__section">{t("risks.form.sectionRating")}</h3>
      <p className="field__hint risk-form__lead">{t("risks.form.ratingHint")}</p>
      <div className="risk-form__rating">
        <div className="risk-form__rating-head">
          <span className="risk-form__rating-title">{t("risks.inherent")}</span>
          <span className="risk-form__preview" aria-live="polite">
            <RatingPreview matrix={matrix} likelihood={draft.inherentLikelihood} impact={draft.inherentImpact} />
          </span>
        </div>
        <Field label={t("risks.field.likelihood")} error={err("inherentLikelihood")}>
          <LevelSelect matrix={matrix} axis="likelihood" value={draft.inherentLikelihood} onChange={(v) => set({ inherentLikelihood: v })} emptyLabel={t("risks.form.chooseLevel")} testId="risk-inherent-likelihood" />
        </Field>
        <Field label={t("risks.field.impact")} error={err("inherentImpact")}>
          <LevelSelect matrix={matrix} axis="impact" value={draft.inherentImpact} onChange={(v) => set({ inherentImpact: v })} emptyLabel={t("risks.form.chooseLevel")} testId="risk-inherent-impact" />
        </Field>
      </div>
      <div className="risk-form__rating">
        <div className="risk-form__rating-head">
          <span className="risk-form__rating-title">{t("risks.residual")}</span>
          <span className="risk-form__preview" aria-live="polite">
            <RatingPreview matrix={matrix} likelihood={draft.residualLikelihood} impact={draft.residualImpact} />
          </span>
        </div>
        <Field label={t("risks.field.likelihood")} error={err("residualLikelihood")} optional>
          <LevelSelect matrix={matrix} axis="likelihood" value={draft.residualLikelihood} onChange={(v) => set({ residualLikelihood: v })} emptyLabel={t("risks.form.notAssessed")} testId="risk-residual-likelihood" />
        </Field>
        <Field label={t("risks.field.impact")} error={err("residualImpact")} optional>
          <LevelSelect matrix={matrix} axis="impact" value={draft.residualImpact} onChange={(v) => set({ residualImpact: v })} emptyLabel={t("risks.form.notAssessed")} testId="risk-residual-impact" />
        </Field>
      </div>

      <h3 className="risk-form__section">{t("risks.form.sectionTreatment")}</h3>
      <div className="form__row">
        <Field label={t("risks.field.treatment")} error={err("treatment")} optional hint={draft.treatment === "accept" ? t("risks.form.acceptHint") : undefined}>
          <OptionSelect
            value={draft.treatment}
            options={RISK_TREATMENTS}
            label={(tr) => t(TREATMENT_LABELS[tr])}
            emptyLabel={t("risks.treatment.none")}
            onChange={(treatment) => set({ treatment })}
            testId="risk-treatment"
          />
        </Field>
        <Field label={t("risks.field.nextReviewOn")} error={err("nextReviewOn")} optional>
          <input type="date" className="input" value={draft.nextReviewOn} onChange={(e) => set({ nextReviewOn: e.target.value })} data-testid="risk-next-review" />
        </Field>
      </div>
      <Field label={t("risks.field.treatmentPlan")} error={err("treatmentPlan")} optional>
        <textarea className="input" rows={3} maxLength={8000} value={draft.treatmentPlan} onChange={(e) => set({ treatmentPlan: e.target.value })} data-testid="risk-treatment-plan" />
      </Field>
      <CheckList
        legend={t("risks.field.controls")}
        options={withMissing(
          controls.map((c) => ({ value: c.id, label: `${c.code} ${lang === "ja" ? c.titleJa : c.titleEn}`, hint: otherTitle(c.titleJa, c.titleEn), hintLang: otherLang })),
          risk?.controls.map((c) => ({ value: c.id, label: `${c.code} ${lang === "ja" ? c.titleJa : c.titleEn}` })) ?? [],
        )}
        value={draft.controlIds}
        onChange={(controlIds) => set({ controlIds })}
        error={err("controlIds")}
        emptyMessage={t("risks.form.noControls")}
        testId="risk-controls"
      />

      <h3 className="risk-form__section">{t("risks.form.sectionClassification")}</h3>
      <CategoryPicker taxonomy={taxonomy} value={draft.categories} onChange={(categories) => set({ categories })} error={err("categories")} />
      <CheckList
        legend={t("risks.field.perspectives")}
        options={withMissing(
          (perspectives ?? []).map((p) => ({ value: p.urn, label: lang === "en" && p.en ? p.en : p.ja, hint: lang === "en" ? (p.en ? p.ja : undefined) : (p.en ?? undefined), hintLang: otherLang, lang: lang === "en" && !p.en ? "ja" : undefined })),
          risk?.perspectives.map((p) => ({ value: p.urn, label: lang === "en" && p.en ? p.en : p.ja })) ?? [],
        )}
        value={draft.perspectives}
        onChange={(next) => set({ perspectives: next })}
        error={err("perspectives")}
        emptyMessage={t("risks.form.noPerspectives")}
        testId="risk-perspectives"
      />
      <CustomFieldInputs fields={customFields} draft={customDraft} onChange={setCustom} errors={errors} users={owners} />
    </FormDialog>
  );
}

/** The options, plus those already chosen that the loaded list lacks (beyond its first 200, or not yet loaded). */
function withMissing<T extends { value: string }>(options: T[], chosen: T[]): T[] {
  const known = new Set(options.map((o) => o.value));
  return [...options, ...chosen.filter((c) => !known.has(c.value))];
}
