/** One question as the request dialog edits it: both languages, and a key that stays with the row when others are removed. */
export interface QuestionRow {
  key: number;
  ja: string;
  en: string;
}

/** The rows with an empty one added at the end. */
export function addQuestion(rows: readonly QuestionRow[]): QuestionRow[] {
  const key = rows.reduce((max, q) => Math.max(max, q.key), 0) + 1;
  return [...rows, { key, ja: "", en: "" }];
}

/** The rows without the one with `key`; the last row stays (a request asks at least one question). */
export function removeQuestion(rows: readonly QuestionRow[], key: number): QuestionRow[] {
  return rows.length <= 1 ? [...rows] : rows.filter((q) => q.key !== key);
}

/** The questions as the API takes them, in order, trimmed; every row is sent, so an error names the row it is about. */
export function questionsInput(rows: readonly QuestionRow[]): { ja: string; en: string }[] {
  return rows.map((q) => ({ ja: q.ja.trim(), en: q.en.trim() }));
}
