import type { ConfidentialMark } from "../../api/oversight.ts";
import { Card } from "../../components/Card.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { scriptLang } from "../../i18n/text.ts";
import { DocumentPart } from "./DocumentPart.tsx";
import { partialDate, type HarmReportView } from "./intake-documents.ts";
import type { ValueWords } from "./useValueWords.ts";

/**
 * A report of harm from the public, as the person filed it on the authority's form: what happened,
 * the service and its provider, when, the harm and the rights; the contact detail is personal data
 * and always marked confidential.
 */
export function HarmReportDocument({ report, marks, words }: { report: HarmReportView; marks: readonly ConfidentialMark[]; words: ValueWords }) {
  const { t, day, month } = useI18n();
  const none = <span className="muted">{t("oversight.notStated")}</span>;
  const text = (value: string) => (value ? <span className="pre-text" lang={scriptLang(value)}>{value}</span> : none);
  const list = (values: string[], word: (v: string) => string) => (values.length ? values.map(word).join(t("oversight.listSeparator")) : none);
  const when = report.when ? partialDate(report.when) : null;
  return (
    <Card title={t("oversight.document.title")} titleId="submission-document-title" testId="submission-document">
      <p className="card__hint">{t("oversight.harmReport.explain")}</p>
      <dl className="facts submission-facts">
        <dt>{t("oversight.harmReport.reference")}</dt>
        <dd>{report.reference ? <code data-testid="harm-report-reference">{report.reference}</code> : none}</dd>
        <DocumentPart label={t("oversight.part.description")} pointer="/description" marks={marks}>
          {text(report.description)}
        </DocumentPart>
        <DocumentPart label={t("oversight.part.service")} pointer="/service" marks={marks}>
          {text(report.service)}
        </DocumentPart>
        <DocumentPart label={t("oversight.part.provider")} pointer="/provider" marks={marks}>
          {text(report.provider)}
        </DocumentPart>
        <DocumentPart label={t("oversight.part.when")} pointer="/when" marks={marks}>
          {when ? (when.day === null ? t("oversight.harmReport.month", { year: when.year, month: month(when.month) }) : day(report.when!)) : report.when ? text(report.when) : none}
        </DocumentPart>
        <DocumentPart label={t("oversight.part.harmTypes")} pointer="/harmTypes" marks={marks}>
          {list(report.harmTypes, words.harmType)}
        </DocumentPart>
        <DocumentPart label={t("oversight.part.rights")} pointer="/rights" marks={marks}>
          {list(report.rights, words.right)}
        </DocumentPart>
        <DocumentPart label={t("oversight.part.contact")} pointer="/contact" marks={marks}>
          {report.contact ? <span data-testid="harm-report-contact">{text(report.contact)}</span> : <span className="muted">{t("oversight.harmReport.noContact")}</span>}
        </DocumentPart>
      </dl>
    </Card>
  );
}
