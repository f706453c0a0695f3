/**
 * Every action the server writes to the audit ledger, grouped by the record type it is written
 * with. One list, so the compiler refuses an entry whose action is not in it, the web UI offers
 * each one in its filter, and a test fails when one has no label in Japanese and English.
 *
 * Zod-free and node-free: the web bundle imports it.
 */
export const AUDIT_ACTIONS = {
  system: ["system.created", "system.updated", "system.deleted", "system.imported", "system.reclassified", "assessment.synchronised"],
  assessment: ["assessment.created", "assessment.signed_off", "assessment.sign_off_withdrawn", "assessment.changes_acknowledged"],
  assessment_item: ["assessment_item.updated", "assessment_item.inferred"],
  risk: ["risk.created", "risk.updated", "risk.deleted", "risk.accepted", "risk.acceptance_withdrawn", "risk.reviewed"],
  risk_matrix: ["risk_matrix.updated"],
  control: ["control.created", "control.updated", "control.deleted"],
  evidence: ["evidence.created", "evidence.updated", "evidence.deleted", "evidence.linked", "evidence.unlinked"],
  file: ["file.stored"],
  incident: ["incident.filed", "incident.updated", "incident.closed", "incident.timeline_added", "incident.alert_received"],
  vendor: ["vendor.created", "vendor.updated", "vendor.deleted", "vendor.reviewed"],
  task: ["task.created", "task.updated", "task.submitted", "task.completed", "task.returned", "task.cancelled", "task.escalated", "comment.added"],
  approval: ["approval.requested", "approval.step_approved", "approval.step_rejected", "approval.approved", "approval.rejected", "approval.cancelled", "approval.escalated"],
  delegation: ["delegation.created", "delegation.deleted"],
  schedule: ["schedule.created", "schedule.updated", "schedule.deleted"],
  import: ["import.uploaded", "import.committed"],
  user: ["user.created", "user.updated", "user.role_changed", "user.password_changed"],
  session: ["auth.signed_in", "auth.signed_out"],
  api_token: ["token.created", "token.revoked"],
  organization: ["org.created", "org.updated"],
  department: ["department.created", "department.updated", "department.deleted"],
  import_preset: ["import_preset.saved", "import_preset.deleted"],
  custom_field: ["custom_field.created", "custom_field.updated"],
  reference_source: ["reference_source.deleted"],
  webhook: ["webhook.created", "webhook.deleted", "webhook.ping_requested", "webhook.ping_delivered", "webhook.ping_failed", "webhook.delivery_refused"],
  audit_checkpoint: ["audit.checkpoint"],
  haip_report: ["haip_report.created", "haip_report.prefilled", "haip_report.answer_updated", "haip_report.submitted", "haip_report.approved", "haip_report.returned", "haip_report.submission_withdrawn"],
  publication: ["publication.published", "publication.withdrawn"],
  questionnaire: ["questionnaire.loaded"],
  org_framework: ["org_framework.added", "org_framework.removed"],
  exchange_connection: ["exchange.connection_requested", "exchange.registration_received", "exchange.connection_approved", "exchange.connection_refused", "exchange.decision_received", "oversight.checkpoint_conflict"],
  exchange_submission: ["exchange.submission_queued", "exchange.receipt_received", "exchange.submission_refused", "exchange.submission_failed"],
  exchange_message: ["exchange.message_received"],
  oversight_intake: ["oversight.intake_triaged", "oversight.public_report_received"],
  oversight_request: ["oversight.request_sent", "oversight.request_overdue"],
  dealing: ["dealing.received", "dealing.answered", "dealing.accepted", "dealing.responded", "dealing.publication_updated"],
  oversight_publication: ["oversight.publication_drafted", "oversight.publication_noticed", "oversight.publication_response_received", "oversight.publication_submitted", "oversight.publication_approved", "oversight.publication_returned", "oversight.publication_published", "oversight.publication_withdrawn"],
  oversight_advisory: ["oversight.advisory_drafted", "oversight.advisory_library_attached", "oversight.advisory_sent"],
  oversight_case: ["oversight.case_created", "oversight.case_updated", "oversight.case_note_added", "oversight.case_countermeasure_added"],
} as const;

/** A record type the ledger names (`entity_type`). */
export type AuditEntityType = keyof typeof AUDIT_ACTIONS;

/** An action the ledger records (`action`). */
export type AuditAction = (typeof AUDIT_ACTIONS)[AuditEntityType][number];

/** The record types, in the order the UI groups them. */
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ACTIONS) as AuditEntityType[];

/** Every action, flat. */
export const AUDIT_ACTION_LIST: readonly AuditAction[] = AUDIT_ENTITY_TYPES.flatMap((type) => AUDIT_ACTIONS[type]);

/**
 * Record types that carry a business code (`AIS-000001`, `RSK-…`, `INC-…`), and the table that
 * holds it: what a ledger search by code resolves against.
 */
export const CODED_RECORDS = {
  system: "ai_systems",
  risk: "risks",
  control: "controls",
  incident: "incidents",
  vendor: "vendors",
  task: "tasks",
  department: "departments",
} as const satisfies Partial<Record<AuditEntityType, string>>;

export type CodedRecordType = keyof typeof CODED_RECORDS;
