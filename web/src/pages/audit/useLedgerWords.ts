import { useEffect, useMemo, useState } from "react";
import { applicabilityApi } from "../../api/endpoints.ts";
import type { ProfileQuestions } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { isMessageKey, translate } from "../../i18n/translate.ts";
import { frameworkName, useFrameworks } from "../systems/useFrameworks.ts";
import type { AuditRefs } from "./ledger.api.ts";
import type { LedgerWords } from "./words.ts";

/** Names from the library: framework ids and profile questions, as `profile.<id>` fields need. */
export type LibraryNames = Pick<LedgerWords, "framework" | "question">;

const NO_LIBRARY: LibraryNames = { framework: () => undefined, question: () => undefined };

let questionsLoad: Promise<ProfileQuestions> | undefined;

/**
 * The framework and profile-question names, loaded once per page load and only by the views that
 * show changes. Until they arrive, or if they fail, ids stand in (the ledger stays readable).
 */
export function useLibraryNames(): LibraryNames {
  const { lang } = useI18n();
  const frameworks = useFrameworks();
  const [questions, setQuestions] = useState<ProfileQuestions>();
  useEffect(() => {
    let live = true;
    questionsLoad ??= applicabilityApi.questions();
    questionsLoad
      .then((q) => live && setQuestions(q))
      .catch(() => {
        questionsLoad = undefined;
      });
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => {
    const byId = new Map(questions?.questions.map((q) => [q.id, q]));
    return {
      framework: (id) => (frameworks.some((f) => f.id === id) ? plainText(frameworkName(frameworks, id, lang), lang) : undefined),
      question: (id) => {
        const q = byId.get(id);
        if (!q) return undefined;
        return { label: plainText(q.label, lang), option: (value) => plainText(q.options?.find((o) => o.value === value)?.label, lang) || undefined };
      },
    };
  }, [frameworks, questions, lang]);
}

/** The ledger's words for the UI language and a page's `refs`; see {@link LedgerWords}. */
export function useLedgerWords(refs: AuditRefs, library: LibraryNames = NO_LIBRARY): LedgerWords {
  const { lang, t, dateTime, day, month, number } = useI18n();
  return useMemo(
    () => ({
      lang,
      t,
      maybe: (key, params) => (isMessageKey(key) ? translate(lang, key, params) : undefined),
      dateTime: (iso) => dateTime(iso),
      day,
      month,
      number,
      refs,
      ...library,
    }),
    [lang, t, dateTime, day, month, number, refs, library],
  );
}
