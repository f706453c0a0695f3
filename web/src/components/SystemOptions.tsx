import type { SystemOption } from "../hooks/useOptions.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** The `<option>`s of AI systems, each by code and name in the UI language, for a select with choices of its own before them. */
export function SystemOptions({ systems }: { systems: readonly SystemOption[] }) {
  const { lang } = useI18n();
  return (
    <>
      {systems.map((s) => (
        <option key={s.id} value={s.id}>
          {`${s.code} ${lang === "ja" ? s.nameJa : s.nameEn}`}
        </option>
      ))}
    </>
  );
}
