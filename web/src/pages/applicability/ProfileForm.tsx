import type { FactValue, Facts, ProfileQuestions } from "../../api/types.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { QuestionField } from "./QuestionField.tsx";

interface ProfileFormProps {
  questions: ProfileQuestions;
  facts: Facts;
  /** The questions the last report asked; before the first report, those asked unconditionally. */
  asked: readonly string[] | undefined;
  errors: Record<string, string[]>;
  onAnswer(id: string, value: FactValue | undefined): void;
  /** Facts the system record states, by question id, with the record field's name: shown, not asked. */
  fromRecord?: Partial<Record<string, { value: FactValue; field: string }>>;
}

/** The system profile, question group by question group, showing only the questions that apply. */
export function ProfileForm({ questions, facts, asked, errors, onAnswer, fromRecord }: ProfileFormProps) {
  const { t, number } = useI18n();
  const shown = new Set(asked ?? questions.questions.filter((q) => !q.askIf || q.id in facts).map((q) => q.id));
  // A refused answer stays in view even if the question would no longer be asked.
  for (const id of Object.keys(errors)) shown.add(id);
  return (
    <form className="profile-form" onSubmit={(e) => e.preventDefault()} aria-label={t("applicability.profile")} data-testid="profile-form">
      {questions.groups.map((group) => {
        const items = questions.questions.filter((q) => q.group === group.id && shown.has(q.id));
        if (items.length === 0) return null;
        const open = items.filter((q) => !(q.id in facts)).length;
        return (
          <section key={group.id} className="profile-group" aria-labelledby={`group-${group.id}`}>
            <h3 id={`group-${group.id}`} className="profile-group__title">
              <LocalText text={group.label} />
              {open > 0 && <span className="count-badge count-badge--muted">{t("applicability.openCount", { count: number(open) })}</span>}
            </h3>
            {items.map((q) => (
              <QuestionField
                key={q.id}
                question={q}
                value={fromRecord?.[q.id]?.value ?? facts[q.id]}
                errors={errors[q.id]}
                onChange={(v) => onAnswer(q.id, v)}
                fromRecord={fromRecord?.[q.id]?.field}
              />
            ))}
          </section>
        );
      })}
    </form>
  );
}
