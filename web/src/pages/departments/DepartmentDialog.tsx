import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { departmentsApi } from "../../api/endpoints.ts";
import type { DepartmentView } from "../../api/types.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

interface DepartmentDialogProps {
  /** The department to rename; none to add a new one. */
  department: DepartmentView | undefined;
  onClose(): void;
  onSaved(saved: DepartmentView): void;
  /** Someone else changed the department: the list should reload too. */
  onConflict(): void;
}

/** Add a department (code and both names) or rename one (names only, against its version). */
export function DepartmentDialog({ department, onClose, onSaved, onConflict }: DepartmentDialogProps) {
  const { t, errorMessage } = useI18n();
  const [code, setCode] = useState(department?.code ?? "");
  const [nameJa, setNameJa] = useState(department?.nameJa ?? "");
  const [nameEn, setNameEn] = useState(department?.nameEn ?? "");
  const [version, setVersion] = useState(department?.version ?? 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = department
        ? await departmentsApi.update(department.id, { version, nameJa: nameJa.trim(), nameEn: nameEn.trim() })
        : await departmentsApi.create({ code: code.trim(), nameJa: nameJa.trim(), nameEn: nameEn.trim() });
      onSaved(saved);
    } catch (err) {
      const current = err instanceof ApiError && err.code === "conflict" ? err.currentRecord<DepartmentView>() : undefined;
      if (current) {
        // Show what the other person saved; saving again is a deliberate overwrite.
        setNameJa(current.nameJa);
        setNameEn(current.nameEn);
        setVersion(current.version);
        onConflict();
      }
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  // The server answers a malformed code with its pattern; the rule in words is friendlier.
  if (error instanceof ApiError && error.fieldIssues.some((i) => i.field === "body.code" && i.code === "invalid_format")) {
    errors.code = t("departments.codeHint");
  }
  const codeTaken = error instanceof ApiError && error.code === "code_taken";
  if (codeTaken) errors.code = t("departments.codeTaken");
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;

  return (
    <Dialog
      title={department ? t("departments.dialog.renameTitle", { code: department.code }) : t("departments.dialog.createTitle")}
      onClose={onClose}
      testId="department-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="department-form" className="button button--primary" disabled={busy}>
            {busy ? t("common.saving") : t("common.save")}
          </button>
        </>
      }
    >
      <form id="department-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        {!department && (
          <Field label={t("departments.col.code")} hint={t("departments.codeHint")} error={errors.code}>
            <input className="input input--mono" required value={code} onChange={(e) => setCode(e.target.value)} />
          </Field>
        )}
        <Field label={t("departments.col.nameJa")} error={errors.nameJa}>
          <input className="input" lang="ja" required maxLength={200} value={nameJa} onChange={(e) => setNameJa(e.target.value)} />
        </Field>
        <Field label={t("departments.col.nameEn")} error={errors.nameEn}>
          <input className="input" lang="en" required maxLength={200} value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
