import { useEffect, useState } from "react";
import { FIELD_ENTITIES, fieldsApi, type FieldEntity, type FieldView } from "../../api/fields.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { Notice } from "../../components/Notice.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { fieldLabel } from "../../components/custom/custom-values.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { FieldDialog } from "./FieldDialog.tsx";

/**
 * The organisation's own fields: what each kind of record carries beyond Musubi's fields, with how
 * many records hold a value; governance adds, edits, retires and brings back fields.
 */
export function FieldsPage() {
  const i18n = useI18n();
  const { t, lang, number } = i18n;
  const manage = useSignedIn().can("fields.manage");
  const [entity, setEntity] = useState<FieldEntity | "">("");
  const [archived, setArchived] = useState(false);
  const [fields, setFields] = useState<FieldView[]>();
  const [error, setError] = useState<unknown>();
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<FieldView | "new">();
  const [retiring, setRetiring] = useState<FieldView>();
  const [notice, setNotice] = useState<NoticeMessage>();

  useEffect(() => {
    const controller = new AbortController();
    setError(undefined);
    fieldsApi
      .list({ ...(entity && { entity }), archived }, controller.signal)
      .then((r) => setFields(r.items))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      });
    return () => controller.abort();
  }, [entity, archived, reload]);

  const setArchivedTo = async (f: FieldView, value: boolean) => {
    const saved = await fieldsApi.update(f.id, { version: f.version, archived: value });
    setNotice({ kind: "success", text: (i) => i.t(value ? "fields.retired" : "fields.restored", { label: fieldLabel(saved, i.lang) }) });
    setReload((n) => n + 1);
  };

  const cols = manage ? 7 : 6;
  return (
    <div data-testid="page-fields">
      <PageHeader
        title={t("fields.title")}
        subtitle={t("fields.subtitle")}
        actions={
          manage && (
            <button type="button" className="button button--primary" onClick={() => setEditing("new")} data-testid="create-field">
              {t("fields.create")}
            </button>
          )
        }
      />
      {notice && (
        <Notice kind={notice.kind} onDismiss={() => setNotice(undefined)}>
          {notice.text(i18n)}
        </Notice>
      )}
      <div className="toolbar">
        <OptionSelect
          value={entity}
          options={FIELD_ENTITIES}
          label={(e) => t(`fields.entity.${e}`)}
          emptyLabel={t("fields.allEntities")}
          onChange={setEntity}
          aria-label={t("fields.entityFilter")}
          testId="fields-entity"
        />
        <label className="checkbox">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} data-testid="fields-archived" />
          {t("fields.showArchived")}
        </label>
      </div>
      <div className="table-wrap">
        <table className="table" aria-busy={fields === undefined && !error}>
          <thead>
            <tr>
              <th scope="col">{t("fields.col.label")}</th>
              <th scope="col">{t("fields.col.entity")}</th>
              <th scope="col">{t("fields.col.key")}</th>
              <th scope="col">{t("fields.col.type")}</th>
              <th scope="col" className="table__num">{t("fields.col.used")}</th>
              <th scope="col">{t("fields.col.status")}</th>
              {manage && <th scope="col" className="table__actions">{t("common.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={cols}
              loading={fields === undefined && !error}
              error={error}
              count={fields?.length ?? 0}
              filtered={entity !== "" || archived}
              emptyMessage={t("fields.empty")}
              onRetry={() => setReload((n) => n + 1)}
              onClearFilters={() => {
                setEntity("");
                setArchived(false);
              }}
            />
            {!error &&
              fields?.map((f) => (
                <tr key={f.id} data-testid={`field-row-${f.entity}-${f.key}`}>
                  <td className="table__primary">
                    {fieldLabel(f, lang)}
                    {f.inList && <span className="muted"> · {t("fields.col.inList")}</span>}
                  </td>
                  <td>{t(`fields.entity.${f.entity}`)}</td>
                  <td>
                    <code>{f.key}</code>
                  </td>
                  <td>{t(`fields.type.${f.type}`)}</td>
                  <td className="table__num">{number(f.used)}</td>
                  <td>{t(f.archived ? "fields.status.retired" : "fields.status.active")}</td>
                  {manage && (
                    <td className="table__actions">
                      <button type="button" className="button button--small" onClick={() => setEditing(f)}>
                        {t("fields.edit")}
                      </button>
                      {f.archived ? (
                        <button type="button" className="button button--small" onClick={() => void setArchivedTo(f, false).catch((err: unknown) => setNotice({ kind: "error", text: (i) => i.errorMessage(err) }))}>
                          {t("fields.restore")}
                        </button>
                      ) : (
                        <button type="button" className="button button--small button--danger-outline" onClick={() => setRetiring(f)}>
                          {t("fields.retire")}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <FieldDialog
          field={editing === "new" ? undefined : editing}
          {...(editing === "new" && entity && { initial: { entity } })}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setNotice({ kind: "success", text: (i) => i.t("fields.saved", { label: fieldLabel(saved, i.lang) }) });
            setReload((n) => n + 1);
          }}
        />
      )}
      {retiring && (
        <ConfirmDialog
          title={t("fields.retire")}
          message={t("fields.confirmRetire", { label: fieldLabel(retiring, lang), count: number(retiring.used) })}
          confirmLabel={t("fields.retire")}
          danger
          onConfirm={() => setArchivedTo(retiring, true)}
          onClose={() => setRetiring(undefined)}
        />
      )}
    </div>
  );
}
