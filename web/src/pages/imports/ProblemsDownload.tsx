import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ImportTarget } from "./import-targets.ts";

/** Links to every problem of the import's last check, as CSV or Excel in the UI's language. */
export function ProblemsDownload({ target, jobId }: { target: ImportTarget; jobId: string }) {
  const { t, lang } = useI18n();
  return (
    <p className="import-problems-download" data-testid="import-problems-download">
      {t("imports.problems.download")}{" "}
      <a href={target.calls.problemsUrl(jobId, "csv", lang)} download>
        {t("imports.format.csv")}
      </a>
      {" · "}
      <a href={target.calls.problemsUrl(jobId, "xlsx", lang)} download>
        {t("imports.format.xlsx")}
      </a>
    </p>
  );
}
