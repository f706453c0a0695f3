import type { SubjectRef } from "../../api/workflow.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { subjectLabel, subjectPath } from "./task-paths.ts";

/** The record a task acts on: its kind, and its code and title linked to its page. */
export function SubjectLink({ subject, showType = true }: { subject: SubjectRef | null; showType?: boolean }) {
  const { t, lang } = useI18n();
  if (!subject) return <span className="muted">{t("tasks.noSubject")}</span>;
  const path = subjectPath(subject.type, subject.id);
  const label = subjectLabel(subject, lang);
  return (
    <span className="subject-link" data-testid="task-subject">
      {showType && <span className="subject-link__type">{t(`tasks.subjectType.${subject.type}`)}</span>}
      {path ? <Link to={path}>{label}</Link> : label}
    </span>
  );
}
