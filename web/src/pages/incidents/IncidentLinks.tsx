import type { IncidentView, LinkedRecord } from "../../api/incidents.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { controlPath } from "../controls/control-paths.ts";
import { riskPath } from "../risks/risk-labels.ts";
import { systemPath } from "../systems/names.ts";

/** The AI systems involved, the risks that materialised and the controls that failed, each a link to its record. */
export function IncidentLinks({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="incident-links-title" data-testid="incident-links">
      <h2 className="card__title" id="incident-links-title">
        {t("incidents.section.links")}
      </h2>
      <dl className="facts">
        <dt>{t("incidents.field.systems")}</dt>
        <dd>
          <Records records={incident.systems} path={systemPath} testId="incident-linked-systems" />
        </dd>
        <dt>{t("incidents.field.risks")}</dt>
        <dd>
          <Records records={incident.risks} path={riskPath} testId="incident-linked-risks" />
        </dd>
        <dt>{t("incidents.field.controls")}</dt>
        <dd>
          <Records records={incident.controls} path={controlPath} testId="incident-linked-controls" />
        </dd>
      </dl>
    </section>
  );
}

function Records({ records, path, testId }: { records: LinkedRecord[]; path(id: string): string; testId: string }) {
  const { t, lang } = useI18n();
  if (records.length === 0) return <span className="muted">{t("incidents.none")}</span>;
  return (
    <ul className="stack-list incident-records" data-testid={testId}>
      {records.map((r) => (
        <li key={r.id}>
          <Link to={path(r.id)} className="table__mono">
            {r.code}
          </Link>{" "}
          <span>{lang === "ja" ? r.titleJa || r.titleEn : r.titleEn || r.titleJa}</span>
        </li>
      ))}
    </ul>
  );
}
