import { useEffect, useRef, useState } from "react";
import { ApiError } from "../../../api/client.ts";
import { systemsApi, type SystemView } from "../../../api/systems.ts";
import type { FactValue, Facts } from "../../../api/types.ts";
import { reconcile, withAnswer, type LoadedProfile, type ProfileDraft } from "../../applicability/profile.ts";
import { draftKey, useEvaluation, type Evaluation } from "../../applicability/useEvaluation.ts";
import { todayIso } from "../../../components/dates.ts";

/** Rounds of setting aside / restoring answers after one change before giving up (as on the applicability page). */
const MAX_RECONCILE = 5;

export interface ProfileEditor {
  draft: ProfileDraft;
  evaluation: Evaluation;
  dirty: boolean;
  saving: boolean;
  /** Messages of a refused save, by question id (`profile.<fact>`), and the rest. */
  refused: Record<string, string[]>;
  error: unknown;
  /** The system as someone else saved it while the profile was being edited (a 409). */
  conflict: SystemView | undefined;
  answer(id: string, value: FactValue | undefined): void;
  load(loaded: LoadedProfile): void;
  clear(): void;
  save(): Promise<void>;
  /** After a conflict: take their profile, or keep the answers here and save them over the new version. */
  resolve(keepMine: boolean): void;
}

function refusedByFact(error: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!(error instanceof ApiError) || error.code !== "invalid_profile") return out;
  for (const issue of error.fieldIssues) {
    const id = /^(?:body\.)?profile\.(.+)$/.exec(issue.field)?.[1] ?? issue.field;
    (out[id] ??= []).push(issue.message);
  }
  return out;
}

/**
 * A system's profile being edited: live evaluation as answers change (evaluated as of today in
 * Japan, as the server classifies), answers to questions no longer asked set aside, and a save
 * that carries the version loaded.
 */
export function useProfileDraft(system: SystemView, onSaved: (s: SystemView) => void): ProfileEditor {
  const [base, setBase] = useState(system);
  const [draft, setDraft] = useState<ProfileDraft>(() => ({ facts: system.profile as Facts, asOf: todayIso() }));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<SystemView>();
  const stash = useRef<Facts>({});
  const rounds = useRef(0);
  const evaluation = useEvaluation(draft);
  const { report, reportKey } = evaluation;

  useEffect(() => {
    if (!report || reportKey !== draftKey(draft)) return;
    const next = reconcile(draft.facts, report.asked, stash.current);
    if (!next) rounds.current = 0;
    if (!next || rounds.current >= MAX_RECONCILE) return;
    rounds.current++;
    stash.current = next.stash;
    setDraft((d) => ({ ...d, facts: next.facts }));
    // Only a fresh report should trigger this.
  }, [report, reportKey]);

  const reset = (facts: Facts) => {
    rounds.current = 0;
    stash.current = {};
    setDraft((d) => ({ ...d, facts }));
  };

  return {
    draft,
    evaluation,
    dirty: JSON.stringify(draft.facts) !== JSON.stringify(base.profile),
    saving,
    refused: refusedByFact(error),
    error,
    conflict,
    answer: (id, value) => {
      rounds.current = 0;
      setError(undefined);
      setDraft((d) => ({ ...d, facts: withAnswer(d.facts, id, value) }));
    },
    load: (loaded) => reset(loaded.facts),
    clear: () => reset({}),
    save: async () => {
      setSaving(true);
      setError(undefined);
      try {
        const saved = await systemsApi.update(base.id, { version: base.version, profile: draft.facts });
        setBase(saved);
        onSaved(saved);
      } catch (err) {
        const current = err instanceof ApiError && err.code === "conflict" ? err.currentRecord<SystemView>() : undefined;
        if (current) setConflict(current);
        else setError(err);
      } finally {
        setSaving(false);
      }
    },
    resolve: (keepMine) => {
      if (!conflict) return;
      setBase(conflict);
      if (!keepMine) reset(conflict.profile as Facts);
      setConflict(undefined);
      onSaved(conflict);
    },
  };
}
