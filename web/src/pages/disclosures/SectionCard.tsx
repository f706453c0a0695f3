import type { HaipReport, HaipSection } from "../../api/disclosures.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { AnswerItem } from "./AnswerItem.tsx";

interface SectionCardProps {
  report: Pick<HaipReport, "id" | "version">;
  section: HaipSection;
  editable: boolean;
  onReport(report: HaipReport): void;
  onStale(): void;
}

/** One section of the questionnaire and its questions; a section people write (6 and 7) says so. */
export function SectionCard({ report, section, editable, onReport, onStale }: SectionCardProps) {
  const { t, lang } = useI18n();
  const titleId = `haip-${section.id}`;
  // The questionnaire numbers its sections in their ids (`section-6`); the number leads the title as in HAIP.
  const n = /(\d+)$/.exec(section.id)?.[1];
  return (
    <section className="card haip-section" aria-labelledby={titleId} data-testid="haip-section" data-section={section.id}>
      <div className="card__header">
        <h2 id={titleId} className="card__title">
          {n ? t("disclosures.section.title", { n, title: section.title[lang] }) : section.title[lang]}
        </h2>
        {section.writtenByPeople && (
          <span className="tag haip-section__people" data-testid="written-by-people">
            {t("disclosures.section.byPeople")}
          </span>
        )}
      </div>
      {section.titleOrigin[lang] === "musubi" && <p className="muted haip-section__origin">{t("disclosures.section.titleMusubi")}</p>}
      {section.writtenByPeople && <p className="card__hint">{t("disclosures.section.byPeopleHint")}</p>}
      <div className="haip-section__questions">
        {section.answers.map((a) => (
          <AnswerItem key={a.questionId} report={report} answer={a} editable={editable} onReport={onReport} onStale={onStale} />
        ))}
      </div>
    </section>
  );
}
