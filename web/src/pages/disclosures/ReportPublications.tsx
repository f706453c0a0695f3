import type { HaipReport } from "../../api/disclosures.ts";
import { Card } from "../../components/Card.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { PublicationState } from "./Badges.tsx";
import { PublicLink } from "./PublicLink.tsx";

/** The report's versions on the public trust page, newest first: each frozen when it was published. */
export function ReportPublications({ report }: { report: HaipReport }) {
  const { t, number, dateTime } = useI18n();
  if (report.publications.length === 0) return null;
  return (
    <Card title={t("disclosures.report.publications")} titleId="haip-publications-title" testId="haip-publications">
      <ul className="stack-list haip-publications">
        {report.publications.map((p) => (
          <li key={p.id} className="haip-publication" data-testid="haip-publication">
            <span className="haip-publication__number">{t("disclosures.publication.number", { n: number(p.number) })}</span>
            <span>{p.publishedBy ? t("disclosures.publication.publishedBy", { date: dateTime(p.publishedAt), name: p.publishedBy }) : t("disclosures.publication.publishedOn", { date: dateTime(p.publishedAt) })}</span>
            <PublicationState withdrawnAt={p.withdrawnAt} withdrawalReason={p.withdrawalReason} />
            {!p.withdrawnAt && <PublicLink path={p.publicPath} />}
          </li>
        ))}
      </ul>
    </Card>
  );
}
