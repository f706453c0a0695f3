import type { CSSProperties } from "react";
import type { EvidenceStatus, ItemStatus } from "../api/compliance.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { EVIDENCE_STATUS_LABELS, EVIDENCE_STATUS_TONES, ITEM_STATUS_LABELS, ITEM_STATUS_TONES, type Tone } from "./status-tones.ts";
import "./status-badge.css";

type StatusBadgeProps = { kind?: "item"; status: ItemStatus } | { kind: "evidence"; status: EvidenceStatus };

/** Tone colours as CSS custom properties (set through the CSSOM, which the CSP allows). */
export function toneStyle(tone: Tone): CSSProperties {
  return { "--tone": tone.solid, "--tone-soft": tone.soft, "--tone-text": tone.text } as CSSProperties;
}

/** A colour for a `.tone-dot` or any element styled by `--tone`. */
export function dotStyle(colour: string): CSSProperties {
  return { "--tone": colour } as CSSProperties;
}

/** A compliance or evidence status as a coloured pill, in the colours every chart uses too. */
export function StatusBadge(props: StatusBadgeProps) {
  const { t } = useI18n();
  const [tone, label] =
    props.kind === "evidence"
      ? [EVIDENCE_STATUS_TONES[props.status], EVIDENCE_STATUS_LABELS[props.status]]
      : [ITEM_STATUS_TONES[props.status], ITEM_STATUS_LABELS[props.status]];
  return (
    <span className="status-badge" style={toneStyle(tone)} data-status={props.status}>
      {t(label)}
    </span>
  );
}
