import { useEffect, useRef, useState } from "react";
import { importsApi, type ImportPreset, type ImportSettings } from "../../api/systems.ts";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

interface PresetsBarProps {
  settings: ImportSettings;
  headers: readonly string[];
  onApply(settings: ImportSettings): void;
}

/**
 * Saved import settings: apply one the organisation saved, save the current ones under a name,
 * or pass them on as a file (the same file `musubi systems import --mapping` reads).
 */
export function PresetsBar({ settings, headers, onApply }: PresetsBarProps) {
  const { t, errorMessage } = useI18n();
  const [presets, setPresets] = useState<ImportPreset[]>([]);
  const [name, setName] = useState("");
  const [message, setMessage] = useState<{ kind: "success" | "error" | "warning"; text: string }>();
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    importsApi.presets().then(setPresets, (err) => setMessage({ kind: "error", text: errorMessage(err) }));
  }, [errorMessage]);

  /** Applies settings, telling the person which mapped columns this file does not have. */
  const apply = (next: ImportSettings) => {
    const absent = next.mapping.filter((m) => !headers.includes(m.column)).map((m) => m.column);
    onApply({ ...next, mapping: next.mapping.filter((m) => headers.includes(m.column)) });
    setMessage(absent.length ? { kind: "warning", text: t("imports.presets.absent", { columns: absent.join(t("imports.separator")) }) } : { kind: "success", text: t("imports.presets.applied") });
  };
  const save = async () => {
    try {
      const saved = await importsApi.savePreset(name.trim(), settings);
      setPresets((ps) => [...ps.filter((p) => p.name !== saved.name), saved].sort((a, b) => a.name.localeCompare(b.name)));
      setMessage({ kind: "success", text: t("imports.presets.saved", { name: saved.name }) });
    } catch (err) {
      setMessage({ kind: "error", text: errorMessage(err) });
    }
  };
  const load = async (file: File) => {
    try {
      const json = JSON.parse(await file.text()) as unknown;
      apply(Array.isArray(json) ? { ...settings, mapping: json as ImportSettings["mapping"] } : (json as ImportSettings));
    } catch {
      setMessage({ kind: "error", text: t("imports.presets.badFile") });
    }
  };
  const href = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(settings, null, 2))}`;

  return (
    <div className="presets-bar" data-testid="import-presets">
      <label className="field">
        <span className="field__label">{t("imports.presets.use")}</span>
        <select
          className="input"
          value=""
          onChange={(e) => {
            const preset = presets.find((p) => p.id === e.target.value);
            if (preset) apply(preset.settings);
          }}
          data-testid="import-preset-select"
        >
          <option value="">{presets.length ? t("imports.presets.choose") : t("imports.presets.none")}</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t("imports.presets.name")}</span>
        <input className="input" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="import-preset-name" />
      </label>
      <button type="button" className="button" disabled={name.trim() === "" || settings.mapping.length === 0} onClick={() => void save()} data-testid="import-preset-save">
        {t("imports.presets.save")}
      </button>
      <a className="button" href={href} download="musubi-import-settings.json" data-testid="import-preset-download">
        {t("imports.presets.download")}
      </a>
      <button type="button" className="button" onClick={() => fileInput.current?.click()}>
        {t("imports.presets.load")}
      </button>
      <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={(e) => e.target.files?.[0] && void load(e.target.files[0])} aria-label={t("imports.presets.load")} />
      {message && (
        <Notice kind={message.kind} onDismiss={() => setMessage(undefined)}>
          {message.text}
        </Notice>
      )}
    </div>
  );
}
