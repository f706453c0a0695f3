import { useI18n } from "../../i18n/I18nProvider.tsx";

/** A SHA-256 hex digest: the first characters, the full value on hover; or all of it when `full`. */
export function Hash({ value, full = false, length = 12 }: { value: string; full?: boolean; length?: number }) {
  const { t } = useI18n();
  if (full || value.length <= length) return <code className="hash hash--full">{value}</code>;
  return (
    <code className="hash" title={value} aria-label={`${t("audit.details.hash")} ${value}`}>
      {`${value.slice(0, length)}…`}
    </code>
  );
}
