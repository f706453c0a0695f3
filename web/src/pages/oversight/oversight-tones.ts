import type { ConnectionStatus, OutgoingStatus } from "../../api/exchange.ts";
import type { DealingStatus } from "../../api/dealings.ts";
import type { CaseStatus, IntakeStatus, PublicationStatus, RecipientStatus } from "../../api/oversight.ts";
import type { Tone } from "../../components/status-tones.ts";

const RED: Tone = { solid: "#dc2626", soft: "#fee2e2", text: "#7f1d1d" };
const BLUE: Tone = { solid: "#2563eb", soft: "#dbeafe", text: "#1e3a8a" };
const AMBER: Tone = { solid: "#d97706", soft: "#fef3c7", text: "#78350f" };
const GREEN: Tone = { solid: "#16a34a", soft: "#dcfce7", text: "#14532d" };
const GREY: Tone = { solid: "#94a3b8", soft: "#f1f5f9", text: "#334155" };
const VIOLET: Tone = { solid: "#7c3aed", soft: "#ede9fe", text: "#4c1d95" };

/**
 * Colours of the control tower's statuses, in one place so the queue, a submission's page, cases
 * and registrations agree: what needs someone is red or amber, what is settled green or quiet.
 */
export const INTAKE_STATUS_TONES: Record<IntakeStatus, Tone> = { new: RED, triaged: BLUE, duplicate: GREY, superseded: GREY, closed: GREEN };
export const CASE_STATUS_TONES: Record<CaseStatus, Tone> = { open: RED, analysing: BLUE, countermeasures: VIOLET, closed: GREEN };
export const CONNECTION_STATUS_TONES: Record<ConnectionStatus, Tone> = { pending: AMBER, approved: GREEN, refused: RED, revoked: GREY };
export const OUTGOING_STATUS_TONES: Record<OutgoingStatus, Tone> = { queued: AMBER, delivered: GREEN, refused: RED, failed: RED };
export const RECIPIENT_STATUS_TONES: Record<RecipientStatus, Tone> = { sent: BLUE, answered: GREEN, overdue: RED };
export const ADVISORY_STATUS_TONES: Record<"draft" | "sent", Tone> = { draft: AMBER, sent: GREEN };
export const PUBLICATION_STATUS_TONES: Record<PublicationStatus, Tone> = { draft: GREY, noticed: AMBER, in_review: BLUE, approved: VIOLET, published: GREEN, withdrawn: RED };
export const DEALING_STATUS_TONES: Record<DealingStatus, Tone> = { open: RED, answered: GREEN, accepted: GREEN, closed: GREY };
