import { useState } from "react";
import { systemsApi } from "../../api/systems.ts";
import { Notice } from "../../components/Notice.tsx";
import { customInputOf, type CustomDraft } from "../../components/custom/custom-values.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useCustomFields } from "../../hooks/useCustomFields.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, navigate } from "../../router/router.tsx";
import { systemFormErrors } from "./form/form-errors.ts";
import { createBody, emptyDraft, type SystemDraft } from "./form/form-model.ts";
import { SystemForm } from "./form/SystemForm.tsx";
import { useFormLookups } from "./form/useFormLookups.ts";
import { systemPath } from "./names.ts";
import "./systems.css";

/** 登録: a new system's stated fields; then on to its profile, which decides what applies. */
export function SystemCreatePage() {
  const i18n = useI18n();
  const { t, lang, errorMessage } = i18n;
  const [draft, setDraft] = useState<SystemDraft>(emptyDraft);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const lookups = useFormLookups(lang, []);
  const customFields = useCustomFields("system");
  const [custom, setCustom] = useState<CustomDraft>({});

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const customInput = customInputOf(customFields, custom);
      const created = await systemsApi.create({ ...createBody(draft), ...(customInput && { custom: customInput }) });
      navigate(systemPath(created.id, "profile"));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const errors = systemFormErrors(error, i18n);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;

  return (
    <div className="system-create" data-testid="page-system-new">
      <nav className="breadcrumb" aria-label={t("systems.breadcrumb")}>
        <Link to="/systems">{t("nav.systems")}</Link>
      </nav>
      <PageHeader title={t("systems.create.title")} subtitle={t("systems.create.subtitle")} />
      <SystemForm
        mode="create"
        draft={draft}
        onChange={setDraft}
        users={lookups.users}
        departments={lookups.departments}
        customFields={customFields}
        custom={custom}
        onCustomChange={setCustom}
        errors={errors}
        busy={busy}
        banner={
          <>
            {formError && <Notice kind="error">{formError}</Notice>}
            {Object.keys(errors).length > 0 && <Notice kind="error">{t("systems.form.fixErrors")}</Notice>}
          </>
        }
        onSubmit={submit}
        onCancel={() => navigate("/systems")}
      />
    </div>
  );
}
