import type { EvidenceStatus, ItemStatus, Lifecycle } from "../api/compliance.ts";
import type { MessageKey } from "../i18n/en.ts";

/** A status's colours: `solid` for chart segments and dots, `soft` + `text` for badges. */
export interface Tone {
  solid: string;
  soft: string;
  text: string;
}

/**
 * The one place a compliance status gets its colour and its words, so a status looks the same in
 * every chart, badge and table. Order: best first, the order charts stack and legends list them.
 */
export const ITEM_STATUS_ORDER: readonly ItemStatus[] = ["met", "partially_met", "not_met", "in_progress", "not_started", "not_applicable"];

export const ITEM_STATUS_TONES: Record<ItemStatus, Tone> = {
  met: { solid: "#16a34a", soft: "#dcfce7", text: "#14532d" },
  partially_met: { solid: "#eab308", soft: "#fef9c3", text: "#713f12" },
  not_met: { solid: "#dc2626", soft: "#fee2e2", text: "#7f1d1d" },
  in_progress: { solid: "#2563eb", soft: "#dbeafe", text: "#1e3a8a" },
  not_started: { solid: "#94a3b8", soft: "#f1f5f9", text: "#334155" },
  not_applicable: { solid: "#d6d3d1", soft: "#fafaf9", text: "#57534e" },
};

export const ITEM_STATUS_LABELS: Record<ItemStatus, MessageKey> = {
  not_started: "compliance.status.not_started",
  in_progress: "compliance.status.in_progress",
  met: "compliance.status.met",
  partially_met: "compliance.status.partially_met",
  not_met: "compliance.status.not_met",
  not_applicable: "compliance.status.not_applicable",
};

export const EVIDENCE_STATUS_TONES: Record<EvidenceStatus, Tone> = {
  valid: ITEM_STATUS_TONES.met,
  expiring: { solid: "#d97706", soft: "#fef3c7", text: "#78350f" },
  expired: ITEM_STATUS_TONES.not_met,
  no_expiry: ITEM_STATUS_TONES.not_started,
};

export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatus, MessageKey> = {
  valid: "evidence.status.valid",
  expiring: "evidence.status.expiring",
  expired: "evidence.status.expired",
  no_expiry: "evidence.status.no_expiry",
};

/** A qualitative palette for categories without a meaning of their own (risk classes, lifecycle stages). */
export const CATEGORY_COLOURS = ["#1d4ed8", "#0891b2", "#7c3aed", "#db2777", "#ea580c", "#65a30d", "#475569"] as const;

/** EU AI Act risk classes (`eu-ai-act-risk` values; `none` = not classified), from worst to none. */
export const EU_CLASS_COLOURS: Record<string, string> = {
  prohibited: "#7f1d1d",
  "high-risk": "#dc2626",
  transparency: "#eab308",
  minimal: "#16a34a",
  "no-role": "#94a3b8",
  "out-of-scope": "#64748b",
  none: "#cbd5e1",
};

export const LIFECYCLE_COLOURS: Record<Lifecycle, string> = {
  planning: "#93c5fd",
  development: "#3b82f6",
  deployed: "#1d4ed8",
  retired: "#94a3b8",
  unknown: "#78716c",
};
