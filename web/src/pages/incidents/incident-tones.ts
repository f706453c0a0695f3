import type { IncidentStatus, Severity } from "../../api/incidents.ts";
import type { Tone } from "../../components/status-tones.ts";

/**
 * Colours of severities and incident statuses, in one place so badges in the list, the incident
 * page and the similar-incidents panel agree. Worse is redder; closed is quiet.
 */
export const SEVERITY_TONES: Record<Severity, Tone> = {
  low: { solid: "#94a3b8", soft: "#f1f5f9", text: "#334155" },
  medium: { solid: "#eab308", soft: "#fef9c3", text: "#713f12" },
  high: { solid: "#ea580c", soft: "#ffedd5", text: "#7c2d12" },
  critical: { solid: "#dc2626", soft: "#fee2e2", text: "#7f1d1d" },
};

export const INCIDENT_STATUS_TONES: Record<IncidentStatus, Tone> = {
  open: { solid: "#dc2626", soft: "#fee2e2", text: "#7f1d1d" },
  investigating: { solid: "#2563eb", soft: "#dbeafe", text: "#1e3a8a" },
  mitigated: { solid: "#d97706", soft: "#fef3c7", text: "#78350f" },
  closed: { solid: "#16a34a", soft: "#dcfce7", text: "#14532d" },
};
