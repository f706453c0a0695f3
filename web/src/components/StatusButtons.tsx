import { useState } from "react";
import { toneStyle } from "./StatusBadge.tsx";
import type { Tone } from "./status-tones.ts";

interface StatusButtonsProps<S extends string> {
  /** The statuses offered, in order. */
  statuses: readonly S[];
  /** The status now; none is pressed when it is not among `statuses`. */
  current: string;
  /** Saves the new status; the buttons are disabled until it settles. */
  onStatus(status: S): Promise<void>;
  tone(status: S): Tone;
  label(status: S): string;
  /** The group's accessible name ("Change status"). */
  groupLabel: string;
  /** Slightly smaller buttons, for a dense facts list. */
  compact?: boolean;
  testId: string;
}

/** One button per status, coloured by its tone; the current one is pressed. A click saves at once. */
export function StatusButtons<S extends string>({ statuses, current, onStatus, tone, label, groupLabel, compact, testId }: StatusButtonsProps<S>) {
  const [busy, setBusy] = useState(false);
  const pick = async (status: S) => {
    if (status === current) return;
    setBusy(true);
    try {
      await onStatus(status);
    } finally {
      setBusy(false);
    }
  };
  const base = compact ? "status-button status-button--compact" : "status-button";
  return (
    <div className="status-buttons" role="group" aria-label={groupLabel} data-testid={testId}>
      {statuses.map((s) => (
        <button
          key={s}
          type="button"
          className={s === current ? `${base} status-button--current` : base}
          style={toneStyle(tone(s))}
          aria-pressed={s === current}
          disabled={busy}
          onClick={() => pick(s)}
          data-status={s}
        >
          {label(s)}
        </button>
      ))}
    </div>
  );
}
