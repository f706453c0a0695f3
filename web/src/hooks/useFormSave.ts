import { useState, type FormEvent } from "react";
import { ApiError } from "../api/client.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { fieldErrors } from "./fieldErrors.ts";

export interface FormSave {
  busy: boolean;
  /** What the last save failed with; undefined before a save and while one runs. */
  error: unknown;
  /** The server's messages of the last failed save, by field (see {@link fieldErrors}). */
  errors: Record<string, string>;
  /** The failure as one message when it names no field, for a notice above the form; else undefined. */
  formError: string | undefined;
  /** How many saves were tried: a field shows an error it hid after an edit again when a new save is refused. */
  attempt: number;
  /** The form's submit handler (or a confirm button's click handler). */
  onSubmit(e?: FormEvent): Promise<void>;
}

interface FormSaveOptions<V> {
  /** The version of the record edited, sent with the save; a 409 `conflict` replaces it with the current one. */
  version?: V;
  /** After a successful save (a dialog closes). */
  onDone?: () => void;
  /** Shows a 409 `code_taken` beside the `code` field. */
  codeField?: boolean;
}

/**
 * The save of a form (most often a dialog's): busy while `save` runs, then `onDone`. A failure keeps
 * what was typed and shows beside the fields, or above them when it names none; after a `conflict`
 * the current version is adopted, so a second save overwrites knowingly.
 */
export function useFormSave<V extends number | undefined = undefined>(options: FormSaveOptions<V>, save: (version: V) => Promise<void>): FormSave {
  const { errorMessage } = useI18n();
  const [version, setVersion] = useState(options.version as V);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  const onSubmit = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    setAttempt((n) => n + 1);
    try {
      await save(version);
      setBusy(false);
      options.onDone?.();
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") setVersion(err.currentRecord<{ version: V }>()?.version ?? version);
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  if (options.codeField && error instanceof ApiError && error.code === "code_taken") errors.code = errorMessage(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;
  return { busy, error, errors, formError, attempt, onSubmit };
}
