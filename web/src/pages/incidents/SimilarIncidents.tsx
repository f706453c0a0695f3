import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { SeverityBadge } from "./IncidentBadges.tsx";
import { formatWhen, incidentPath } from "./incident-rules.ts";
import { SEVERITIES, type Severity } from "../../api/incidents.ts";
import { useSimilar } from "./useSimilar.ts";
import { AIID, caseLabel } from "./reference-case.ts";

interface SimilarIncidentsProps {
  /** The text to match; undefined while too short, and then nothing is shown. */
  text: string | undefined;
  categories: readonly string[];
  /** The incident itself, when asking about one already filed. */
  exclude?: string | undefined;
  /** Debounce while typing; 0 on a page that shows a filed incident. */
  delay?: number;
  testId: string;
  /** Heading level: inside a dialog a small heading, on the page a card title. */
  variant?: "dialog" | "card";
}

const isSeverity = (s: string): s is Severity => (SEVERITIES as readonly string[]).includes(s);

/**
 * Past incidents like this one — the organisation's own (to learn from its earlier handling) and
 * public cases from the AI Incident Database (to see how such failures played out elsewhere).
 */
export function SimilarIncidents({ text, categories, exclude, delay = 400, testId, variant = "dialog" }: SimilarIncidentsProps) {
  const i18n = useI18n();
  const { t, day, errorMessage } = i18n;
  const { result, loading, error } = useSimilar(text, categories, exclude, delay);
  if (text === undefined) return null;
  const empty = result !== undefined && result.internal.length === 0 && result.public.length === 0;
  const Heading = variant === "card" ? "h2" : "h3";
  return (
    <section className={variant === "card" ? "card incident-similar incident-similar--card" : "incident-similar incident-similar--dialog"} aria-live="polite" aria-busy={loading} data-testid={testId}>
      <Heading className={variant === "card" ? "card__title" : "incident-similar__title"}>{t("incidents.similar.title")}</Heading>
      {loading && !result && <p className="muted">{t("incidents.similar.searching")}</p>}
      {error !== undefined && <p className="field__error">{errorMessage(error)}</p>}
      {empty && <p className="muted">{t("incidents.similar.none")}</p>}
      {result && result.internal.length > 0 && (
        <>
          <h4 className="incident-similar__group">{t("incidents.similar.own")}</h4>
          <ul className="stack-list">
            {result.internal.map((r) => (
              <li key={r.id} data-testid="similar-own">
                <Link to={incidentPath(r.id)} className="table__mono">
                  {r.code}
                </Link>{" "}
                <span>{r.title}</span>
                <span className="incident-similar__meta">
                  {isSeverity(r.severity) && <SeverityBadge severity={r.severity} />}
                  <span className="muted">{formatWhen(i18n, r.detectedAt, "date")}</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {result && result.public.length > 0 && (
        <>
          <h4 className="incident-similar__group">{t("incidents.similar.public")}</h4>
          <ul className="stack-list">
            {result.public.map((r) => (
              <li key={r.id} data-testid="similar-public">
                {r.url !== "" ? (
                  <a href={r.url} target="_blank" rel="noopener noreferrer" className="table__mono">
                    {caseLabel(t, r)}
                  </a>
                ) : (
                  <span className="table__mono">{caseLabel(t, r)}</span>
                )}{" "}
                <span lang="en">{r.title}</span>
                {r.date && <span className="incident-similar__meta muted">{day(r.date)}</span>}
              </li>
            ))}
          </ul>
          <p className="incident-similar__licence muted">{result.public.every((r) => r.source === AIID) ? t("incidents.reference.licenceShort") : t("incidents.reference.licenceSources")}</p>
        </>
      )}
    </section>
  );
}
