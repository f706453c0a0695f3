import { useEffect, useState } from "react";
import { exchangeApi, type AuthorityOption, type ConnectionView, type SectorOption } from "../../api/exchange.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";

interface RegisterDialogProps {
  sectors: readonly SectorOption[];
  onClose(): void;
  onSaved(next: ConnectionView): void;
}

type Where = "here" | "elsewhere";

/**
 * Registers the organisation with an authority: one on this Musubi, chosen from a list, or one on
 * another Musubi, by its address and the authority's name there. Keys are exchanged; the authority
 * approves.
 */
export function RegisterDialog({ sectors, onClose, onSaved }: RegisterDialogProps) {
  const { t, lang } = useI18n();
  const [authorities, setAuthorities] = useState<AuthorityOption[]>();
  const [where, setWhere] = useState<Where>("here");
  const [slug, setSlug] = useState("");
  const [url, setUrl] = useState("");
  const [remoteSlug, setRemoteSlug] = useState("");
  const [sector, setSector] = useState("");
  const [note, setNote] = useState("");
  useEffect(() => {
    const controller = new AbortController();
    exchangeApi
      .authorities(controller.signal)
      .then((list) => {
        setAuthorities(list);
        if (list.length === 0) setWhere("elsewhere");
        else setSlug((s) => s || list[0]!.slug);
      })
      .catch(() => setAuthorities([]));
    return () => controller.abort();
  }, []);
  const form = useFormSave({ onDone: onClose }, async () => {
    const here = where === "here";
    onSaved(await exchangeApi.connect({ authorityUrl: here ? null : url.trim(), authoritySlug: (here ? slug : remoteSlug).trim(), sector: sector || null, note: note.trim() || null }));
  });
  const { errors } = form;
  const ready = where === "here" ? slug !== "" : url.trim() !== "" && remoteSlug.trim() !== "";

  return (
    <FormDialog title={t("dealings.register.title")} onClose={onClose} testId="register-dialog" formId="register-form" form={form} submitLabel={t("dealings.register.submit")} submitTestId="register-submit" submitDisabled={!ready}>
      <p className="field__hint">{t("dealings.register.explain")}</p>
      <fieldset className="fieldset-box">
        <legend className="field__label">{t("dealings.register.where")}</legend>
        <label className="checkbox">
          <input type="radio" name="register-where" value="here" checked={where === "here"} disabled={authorities?.length === 0} onChange={() => setWhere("here")} data-testid="register-here" />
          {t("dealings.register.here")}
        </label>
        <label className="checkbox">
          <input type="radio" name="register-where" value="elsewhere" checked={where === "elsewhere"} onChange={() => setWhere("elsewhere")} data-testid="register-elsewhere" />
          {t("dealings.register.elsewhere")}
        </label>
      </fieldset>
      {where === "here" ? (
        <Field label={t("dealings.register.authority")} error={errors.authoritySlug} hint={authorities?.length === 0 ? t("dealings.register.noneHere") : undefined}>
          <select className="input" value={slug} onChange={(e) => setSlug(e.target.value)} data-testid="register-authority">
            {(authorities ?? []).map((a) => (
              <option key={a.slug} value={a.slug}>
                {plainText(a.name, lang)}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <>
          <Field label={t("dealings.register.url")} hint={t("dealings.register.urlHint")} error={errors.authorityUrl}>
            <input className="input" type="url" inputMode="url" maxLength={2000} value={url} onChange={(e) => setUrl(e.target.value)} data-testid="register-url" />
          </Field>
          <Field label={t("dealings.register.remoteName")} hint={t("dealings.register.remoteNameHint")} error={errors.authoritySlug}>
            <input className="input" maxLength={100} value={remoteSlug} onChange={(e) => setRemoteSlug(e.target.value)} data-testid="register-remote-name" />
          </Field>
        </>
      )}
      <Field label={t("dealings.register.sector")} hint={t("dealings.register.sectorHint")} error={errors.sector} optional>
        <select className="input" value={sector} onChange={(e) => setSector(e.target.value)} data-testid="register-sector">
          <option value="">{t("oversight.sector.unspecified")}</option>
          {sectors.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label[lang]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("dealings.register.note")} error={errors.note} optional>
        <textarea className="input" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="register-note" />
      </Field>
    </FormDialog>
  );
}
