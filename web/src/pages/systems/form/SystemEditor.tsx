import { useState } from "react";
import { ApiError } from "../../../api/client.ts";
import { systemsApi, type SystemView } from "../../../api/systems.ts";
import { vendorLinksOf } from "../../../api/vendors.ts";
import { Notice } from "../../../components/Notice.tsx";
import { customInputOf, draftOf as customDraftOf, type CustomDraft } from "../../../components/custom/custom-values.ts";
import { useCustomFields } from "../../../hooks/useCustomFields.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { ConflictPanel } from "./ConflictPanel.tsx";
import { systemFormErrors } from "./form-errors.ts";
import { changedCustom, changedFields, draftOf, patchBody, reapply, type SystemDraft } from "./form-model.ts";
import { SystemForm } from "./SystemForm.tsx";
import { useFormLookups } from "./useFormLookups.ts";

interface SystemEditorProps {
  system: SystemView;
  onSaved(system: SystemView): void;
  onCancel(): void;
}

/**
 * Edits a system: sends only the changed fields (and custom values) with the version loaded. When
 * someone else saved first (409), shows both versions and lets the user reload theirs or re-apply
 * their own changes on top.
 */
export function SystemEditor({ system, onSaved, onCancel }: SystemEditorProps) {
  const i18n = useI18n();
  const { t, lang, errorMessage } = i18n;
  const [base, setBase] = useState<SystemView>(system);
  const [draft, setDraft] = useState<SystemDraft>(() => draftOf(system));
  const [conflict, setConflict] = useState<SystemView>();
  const [error, setError] = useState<unknown>();
  const [reapplied, setReapplied] = useState(false);
  const [busy, setBusy] = useState(false);
  const lookups = useFormLookups(lang, [base, conflict]);
  const customFields = useCustomFields("system");
  const [custom, setCustom] = useState<CustomDraft>({});
  const customDraft = { ...customDraftOf(customFields, base.custom), ...custom };

  const save = async () => {
    const customInput = customInputOf(customFields, customDraft, base.custom);
    if (changedFields(draftOf(base), draft).length === 0 && !customInput) return onCancel();
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await systemsApi.update(base.id, { ...patchBody(draftOf(base), draft, base.version), ...(customInput && { custom: customInput }) }));
    } catch (err) {
      const current = err instanceof ApiError && err.code === "conflict" ? err.currentRecord<SystemView>() : undefined;
      if (current) setConflict(current);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const resolve = (keepMine: boolean) => {
    if (!conflict) return;
    setDraft(keepMine ? reapply(draftOf(base), draft, draftOf(conflict)) : draftOf(conflict));
    setCustom(keepMine ? changedCustom(customFields, customDraft, base.custom) : {});
    setBase(conflict);
    setConflict(undefined);
    setReapplied(keepMine);
  };

  const errors = systemFormErrors(error, i18n);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;
  const banner = conflict ? (
    <ConflictPanel
      base={draftOf(base)}
      theirs={draftOf(conflict)}
      mine={draft}
      theirVersion={conflict.version}
      names={lookups.name}
      onReload={() => resolve(false)}
      onReapply={() => resolve(true)}
    />
  ) : (
    <>
      {formError && <Notice kind="error">{formError}</Notice>}
      {Object.keys(errors).length > 0 && <Notice kind="error">{t("systems.form.fixErrors")}</Notice>}
      {reapplied && (
        <Notice kind="info" onDismiss={() => setReapplied(false)} testId="conflict-reapplied">
          {t("systems.conflict.reapplied")}
        </Notice>
      )}
    </>
  );

  return (
    <SystemForm
      mode="edit"
      draft={draft}
      onChange={setDraft}
      users={lookups.users}
      departments={lookups.departments}
      customFields={customFields}
      custom={customDraft}
      onCustomChange={setCustom}
      knownNames={lookups.knownNames}
      knownVendors={[base, conflict].flatMap((v) => (v ? vendorLinksOf(v) : []))}
      errors={errors}
      busy={busy}
      locked={conflict !== undefined}
      banner={banner}
      onSubmit={save}
      onCancel={onCancel}
    />
  );
}
