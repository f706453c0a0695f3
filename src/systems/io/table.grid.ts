import { AppError } from "../../platform/errors.ts";

/** A raw row as the format readers return it: its displayed row number and its cell texts. */
export interface GridRow {
  line: number;
  cells: string[];
}

/** Why a file could not be read, with a sentence for the person in both languages. */
export function unreadable(fileName: string, reason: string, en: string, ja: string, extra?: Record<string, unknown>): AppError {
  return new AppError(422, "import_unreadable", { fileName, reason, message: { en, ja }, ...extra });
}

/** Column letters as Excel shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
