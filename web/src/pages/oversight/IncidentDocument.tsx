import type { ConfidentialMark } from "../../api/oversight.ts";
import { Card } from "../../components/Card.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { scriptLang } from "../../i18n/text.ts";
import { formatWhen } from "../incidents/incident-rules.ts";
import { marksInside } from "./confidential-parts.ts";
import { DocumentPart } from "./DocumentPart.tsx";
import { ConfidentialBadge } from "./OversightBadges.tsx";
import type { ReportView } from "./report-view.ts";
import type { ValueWords } from "./useValueWords.ts";

interface IncidentDocumentProps {
  report: ReportView;
  marks: readonly ConfidentialMark[];
  words: ValueWords;
}

/** A submitted incident report's main facts: what happened and when, the harm, the rights, the AI systems. */
export function IncidentDocument({ report, marks, words }: IncidentDocumentProps) {
  const i18n = useI18n();
  const { t, label, number } = i18n;
  const none = <span className="muted">{t("oversight.notStated")}</span>;
  const list = (values: string[], word: (v: string) => string) => (values.length ? values.map(word).join(t("oversight.listSeparator")) : none);
  return (
    <Card title={t("oversight.document.title")} titleId="submission-document-title" testId="submission-document">
      <dl className="facts submission-facts">
        <DocumentPart label={t("oversight.document.incidentTitle")} pointer="/incident/title" marks={marks}>
          {report.title ? <span lang={scriptLang(report.title)}>{report.title}</span> : none}
        </DocumentPart>
        <DocumentPart label={t("oversight.part.summary")} pointer="/incident/summary" marks={marks}>
          {report.summary ? <Written text={report.summary} /> : none}
        </DocumentPart>
        <DocumentPart label={t("oversight.part.occurredAt")} pointer="/incident/occurredAt" marks={marks}>
          {report.occurredAt ? formatWhen(i18n, report.occurredAt) : none}
        </DocumentPart>
        <DocumentPart label={t("oversight.document.detectedAt")} pointer="/incident/detectedAt" marks={marks}>
          {report.detectedAt ? formatWhen(i18n, report.detectedAt) : none}
        </DocumentPart>
        <DocumentPart label={t("oversight.document.harmLevel")} pointer="/harm/level" marks={marks}>
          {report.harmLevel ? label("incidents.harmLevel.", report.harmLevel) : none}
        </DocumentPart>
        <DocumentPart label={t("oversight.part.harmTypes")} pointer="/harm/types" marks={marks}>
          {list(report.harmTypes, words.harmType)}
        </DocumentPart>
        <DocumentPart label={t("oversight.part.rights")} pointer="/harm/rightsAffected" marks={marks}>
          {list(report.rights, words.right)}
        </DocumentPart>
        <DocumentPart label={t("oversight.part.affectedParties")} pointer="/harm/affectedParties" marks={marks}>
          {report.affectedParties ? <Written text={report.affectedParties} /> : none}
        </DocumentPart>
        <DocumentPart label={t("oversight.document.peopleAffected")} pointer="/harm/peopleAffected" marks={marks}>
          {report.peopleAffected === null ? none : number(report.peopleAffected)}
        </DocumentPart>
        <DocumentPart label={t("oversight.part.rootCause")} pointer="/rootCause" marks={marks}>
          {report.rootCause ? <Written text={report.rootCause} testId="submission-root-cause" /> : none}
        </DocumentPart>
        {report.personalData && (
          <DocumentPart label={t("oversight.part.personalData")} pointer="/personalData" marks={marks}>
            {report.personalData.leaked ? label("incidents.tristate.", report.personalData.leaked) : none}
            {report.personalData.dataSubjects !== null && <span className="muted"> {t("oversight.document.dataSubjects", { count: number(report.personalData.dataSubjects) })}</span>}
            {report.personalData.appiCheck && <span className="tag tag--neutral">{t("incidents.appi.flag")}</span>}
          </DocumentPart>
        )}
        <DocumentPart label={t("oversight.part.aiSystems")} pointer="/aiSystems" marks={marks}>
          <AiSystems report={report} marks={marks} words={words} />
        </DocumentPart>
      </dl>
    </Card>
  );
}

function AiSystems({ report, marks, words }: IncidentDocumentProps) {
  const { t, lang, label } = useI18n();
  if (report.aiSystems.length === 0) return <span className="muted">{t("oversight.document.noSystems")}</span>;
  const inner = marksInside("/aiSystems", marks);
  return (
    <ul className="stack-list submission-systems">
      {report.aiSystems.map((s, i) => {
        const own = inner.filter((m) => m.pointer === `/aiSystems/${i}` || m.pointer.startsWith(`/aiSystems/${i}/`));
        const name = lang === "ja" ? s.nameJa || s.nameEn : s.nameEn || s.nameJa;
        return (
          <li key={`${s.code}-${i}`} data-testid="submission-system">
            <span className="table__mono">{s.code}</span> <span lang={scriptLang(name)}>{name}</span>
            {own.map((m) => (
              <ConfidentialBadge key={m.pointer} reason={m.reason} />
            ))}
            <dl className="facts facts--compact">
              <dt>{t("oversight.document.vendors")}</dt>
              <dd>{s.vendors.length ? <Names names={s.vendors} /> : t("oversight.notStated")}</dd>
              {s.models.length > 0 && (
                <>
                  <dt>{t("oversight.document.models")}</dt>
                  <dd>
                    <Names names={s.models} />
                  </dd>
                </>
              )}
              <dt>{t("oversight.dimension.generative")}</dt>
              <dd>{s.generative === null ? t("oversight.notStated") : label("oversight.generative.", s.generative ? "yes" : "no")}</dd>
              {s.roles.length > 0 && (
                <>
                  <dt>{t("oversight.dimension.actorRole")}</dt>
                  <dd>{s.roles.map((r) => words.dimensionValue("actorRole", r)).join(t("oversight.listSeparator"))}</dd>
                </>
              )}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

/** Text as the sender wrote it, with its line breaks, marked with the language it is written in. */
function Written({ text, testId }: { text: string; testId?: string }) {
  return (
    <span className="pre-text" lang={scriptLang(text)} data-testid={testId}>
      {text}
    </span>
  );
}

/** Vendors' or models' names as the sender wrote them, each marked with its language. */
function Names({ names }: { names: string[] }) {
  const { t } = useI18n();
  return (
    <>
      {names.map((n, i) => (
        <span key={`${n}-${i}`}>
          {i > 0 && t("oversight.listSeparator")}
          <span lang={scriptLang(n)}>{n}</span>
        </span>
      ))}
    </>
  );
}
