import type { Generated, Insertable, Selectable } from "kysely";

/**
 * Row types of every table. Columns hold the same representation on SQLite and PostgreSQL
 * (timestamps as ISO-8601 text, JSON as text, booleans as 0/1 integers) so that a backup taken on
 * one dialect restores on the other and the audit ledger hashes identically everywhere.
 */
export interface OrganizationsTable {
  id: string;
  slug: string;
  name_ja: string;
  name_en: string;
  /** JSON text of {@link OrgSettings}. */
  settings: string;
  created_at: string;
  updated_at: string;
  version: number;
  /** Changes whenever the organisation's own frameworks change; null while it has none. */
  frameworks_stamp: string | null;
  /** `organization` or `authority` (src/orgs/orgs.schema.ts `ORG_KINDS`); defaults to `organization`. */
  kind: Generated<string>;
}

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string;
  status: string;
  locale: string;
  department_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie secret: a stolen database does not yield live sessions. */
  id: string;
  org_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  user_id: string;
  name: string;
  role: string;
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  token_hash: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface DepartmentsTable {
  id: string;
  org_id: string;
  code: string;
  name_ja: string;
  name_en: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AuditLogTable {
  org_id: string;
  seq: number;
  ts: string;
  actor_type: string;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AiSystemsTable {
  id: string;
  org_id: string;
  code: string;
  name_ja: string;
  name_en: string;
  purpose: string;
  business_owner_id: string | null;
  technical_owner_id: string | null;
  department_id: string | null;
  lifecycle: string;
  /** JSON text: the applicability facts. */
  profile: string;
  /** JSON text of arrays: models, datasets, third-party components, vendor names, countries, tags. */
  models: string;
  datasets: string;
  components: string;
  vendors: string;
  countries: string;
  tags: string;
  last_reviewed_at: string | null;
  next_review_at: string | null;
  /** Derived when the profile is saved: the EU AI Act risk class and the frameworks in scope. */
  eu_class: string | null;
  /** The date `eu_class` applies from, when the Regulation sets a later date for it. */
  eu_class_from: string | null;
  frameworks: string;
  classified_on: string | null;
  library_digest: string | null;
  /** NFKC-folded, lower-cased names, code, purpose, tags and vendors: what `q` searches. */
  search_text: string;
  created_at: string;
  updated_at: string;
  version: number;
  /** The organisation's own fields, JSON by field key (see custom_fields). */
  custom: Generated<string>;
}

export interface AssessmentsTable {
  id: string;
  org_id: string;
  system_id: string;
  framework_id: string;
  framework_version: string;
  library_digest: string;
  signed_off_by: string | null;
  signed_off_at: string | null;
  signoff_note: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AssessmentItemsTable {
  id: string;
  org_id: string;
  assessment_id: string;
  system_id: string;
  framework_id: string;
  requirement_urn: string;
  position: number;
  /** 1 while the engine says the requirement applies; 0 keeps the answers of one that no longer does. */
  applicable: number;
  /** `new` or `removed` since the last time someone acknowledged the assessment's changes. */
  change: string | null;
  timing: string;
  applies_from: string | null;
  /** The status a person gave, or an inferred one they accepted; null when unanswered. */
  answer: string | null;
  answer_source: string | null;
  /** JSON text: the crosswalk chain an inferred answer came through. */
  inference: string | null;
  /** The answer, else what the mapped controls say, else `not_started`: what every count uses. */
  effective: string;
  justification: string | null;
  owner_id: string | null;
  due_date: string | null;
  comment: string | null;
  answered_by: string | null;
  answered_at: string | null;
  updated_at: string;
  version: number;
}

export interface ControlsTable {
  id: string;
  org_id: string;
  code: string;
  title_ja: string;
  title_en: string;
  description: string;
  owner_id: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ControlRequirementsTable {
  org_id: string;
  control_id: string;
  requirement_urn: string;
  framework_id: string;
}

export interface EvidenceTable {
  id: string;
  org_id: string;
  kind: string;
  title: string;
  note: string;
  url: string | null;
  file_sha256: string | null;
  file_name: string | null;
  file_size: number | null;
  media_type: string | null;
  valid_from: string | null;
  valid_until: string | null;
  created_by: string | null;
  /** The user who recorded it (null for records from before this was kept, or by the system). */
  created_by_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface EvidenceLinksTable {
  org_id: string;
  evidence_id: string;
  target_type: string;
  target_id: string;
}

export interface ImportJobsTable {
  id: string;
  org_id: string;
  created_by: string | null;
  file_name: string;
  file_sha256: string;
  file_size: number;
  status: string;
  total: number;
  imported: number;
  report: string | null;
  /** Every problem validation found, as gzip JSON in the organisation's files (the report keeps the first 500). */
  problems_sha256: Generated<string | null>;
  /** What the import fills: `systems` (the inventory) or `incidents` (the incident register). */
  target: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Saved import settings of an organisation: a mapping with its translations, rows to skip, upsert key. */
export interface ImportPresetsTable {
  id: string;
  org_id: string;
  name: string;
  settings: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A field an organisation defined on its systems, risks, incidents or vendors. */
export interface CustomFieldsTable {
  id: string;
  org_id: string;
  entity: string;
  key: string;
  label_ja: string;
  label_en: string;
  type: string;
  options: string;
  help_ja: Generated<string>;
  help_en: Generated<string>;
  position: number;
  in_list: Generated<number>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One value of a custom field on one record, for filters (`value_key`) and search (`search_text`). */
export interface CustomFieldValuesTable {
  org_id: string;
  field_id: string;
  record_id: string;
  seq: number;
  value_key: string | null;
  search_text: string;
}

/** Running totals per organisation, kept in the same transaction as the rows they count. */
export interface CountersTable {
  org_id: string;
  name: string;
  key: string;
  n: number;
}

export interface RiskMatricesTable {
  org_id: string;
  /** JSON text of a {@link import("../risks/matrix.schema.ts").RiskMatrix}. */
  config: string;
  updated_at: string;
  version: number;
}

export interface RisksTable {
  id: string;
  org_id: string;
  code: string;
  title_ja: string;
  title_en: string;
  description: string;
  /** Null for an organisation-wide risk. */
  system_id: string | null;
  /** JSON array of MIT AI Risk Repository ids (`7.1`, `entity.ai`). */
  categories: string;
  /** JSON array of J-AISI evaluation perspective URNs. */
  perspectives: string;
  owner_id: string | null;
  status: string;
  inherent_likelihood: number;
  inherent_impact: number;
  residual_likelihood: number | null;
  residual_impact: number | null;
  treatment: string | null;
  treatment_plan: string;
  accepted_by: string | null;
  accepted_at: string | null;
  acceptance_expires_on: string | null;
  acceptance_note: string | null;
  last_reviewed_at: string | null;
  next_review_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** The organisation's own fields, JSON by field key (see custom_fields). */
  custom: Generated<string>;
}

export interface RiskControlsTable {
  org_id: string;
  risk_id: string;
  control_id: string;
}

export interface TasksTable {
  id: string;
  org_id: string;
  code: string;
  kind: string;
  title: string;
  description: string;
  subject_type: string | null;
  subject_id: string | null;
  assignee_id: string | null;
  due_on: string | null;
  status: string;
  active: number;
  /** JSON: approver ids per stage, `[["usr_a"], ["usr_b", "usr_c"]]`, asked when the task is completed. */
  approval_plan: string | null;
  approval_id: string | null;
  schedule_id: string | null;
  /** The review period a scheduled task covers (`FY2026`, `2026-10`). */
  period: string | null;
  created_by: string | null;
  completed_by: string | null;
  completed_at: string | null;
  escalated_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ApprovalsTable {
  id: string;
  org_id: string;
  subject_type: string;
  subject_id: string;
  title: string;
  status: string;
  /** The stage now deciding (1-based); steps of one stage decide in parallel. */
  stage: number;
  requested_by: string | null;
  created_at: string;
  decided_at: string | null;
  version: number;
}

export interface ApprovalStepsTable {
  id: string;
  org_id: string;
  approval_id: string;
  stage: number;
  approver_id: string;
  status: string;
  due_on: string | null;
  escalated_to: string | null;
  escalated_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
}

export interface DelegationsTable {
  id: string;
  org_id: string;
  principal_id: string;
  delegate_id: string;
  starts_on: string;
  ends_on: string;
  note: string;
  created_at: string;
}

export interface CommentsTable {
  id: string;
  org_id: string;
  subject_type: string;
  subject_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

export interface ReviewSchedulesTable {
  id: string;
  org_id: string;
  name: string;
  subject_type: string;
  cycle: string;
  interval_months: number;
  anchor_on: string | null;
  assignee_id: string | null;
  approval_plan: string | null;
  active: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface NotificationsTable {
  id: string;
  org_id: string;
  user_id: string;
  event: string;
  subject_type: string | null;
  subject_id: string | null;
  /** JSON `{ ja, en }`. */
  title: string;
  created_at: string;
  read_at: string | null;
}

export interface WebhookEndpointsTable {
  id: string;
  org_id: string;
  url: string;
  /** The HMAC key; shown once at creation, kept to sign every delivery. */
  secret: string;
  /** JSON array of event names, `["*"]` for all. */
  events: string;
  active: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OutboxTable {
  id: string;
  org_id: string;
  channel: string;
  /** A webhook endpoint id, or an e-mail address. */
  target: string;
  event: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface IncidentsTable {
  id: string;
  org_id: string;
  code: string;
  title: string;
  summary: string;
  status: string;
  severity: string;
  occurred_at: string | null;
  /** The day it occurred when no time is known, as precise as the source: `2021`, `2021-03` or `2021-03-05`. */
  occurred_on: string | null;
  detected_at: string;
  /** `web`, `api` or `webhook:<tool>`. */
  source: string;
  /** The sending tool's own id (an alert fingerprint): a repeat adds to the timeline instead of a new incident. */
  external_key: string | null;
  reported_by: string | null;
  owner_id: string | null;
  /** CSETv1 "AI Harm Level". */
  harm_level: string;
  /** JSON array of CSETv1 harm flags (tangible and special-interest intangible harms). */
  harm_types: string;
  /** JSON array of CSETv1 "Harm Distribution Basis" values. */
  harm_basis: string;
  /** JSON array of MIT AI Risk Repository ids. */
  categories: string;
  /** JSON array of rights affected. */
  rights: string;
  affected_parties: string;
  people_affected: number | null;
  lives_lost: number | null;
  injuries: number | null;
  /** `no`, `yes` or `unknown`: did personal data leak, get lost or damaged (APPI Art. 26). */
  personal_data: string;
  data_subjects: number | null;
  /** `no`, `yes` or `unknown`: special care-required personal information (要配慮個人情報, APPI Art. 2(3)). */
  sensitive_data: string;
  root_cause: string;
  search_text: string;
  closed_at: string | null;
  closed_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** The organisation's own fields, JSON by field key (see custom_fields). */
  custom: Generated<string>;
}

export interface IncidentLinksTable {
  org_id: string;
  incident_id: string;
  /** `system`, `risk` or `control` (a control that failed). */
  target_type: string;
  target_id: string;
}

export interface IncidentTimelineTable {
  id: string;
  org_id: string;
  incident_id: string;
  at: string;
  kind: string;
  body: string;
  author_id: string | null;
  created_at: string;
}

/** Public incidents from named sources (the AI Incident Database and others): shared, or one organisation's own import. */
export interface ReferenceIncidentsTable {
  id: string;
  /** The organisation that imported the case, which alone sees it; null: shared by the whole installation. */
  org_id?: string | null;
  source: string;
  number: number;
  date: string | null;
  title: string;
  description: string;
  deployers: string;
  developers: string;
  harmed: string;
  categories: string;
  classifications: string;
  url: string;
  imported_at: string;
  /** The source's own identifier of the case, as text ("113", "OECD-2024-113"). */
  external_id: string | null;
}

/** A public source of reference cases: its name, licence and address, and how many cases it gave. */
export interface ReferenceSourcesTable {
  /** A slug of the name; `aiid` for the AI Incident Database; an organisation's own source adds a short hash of the organisation. */
  id: string;
  /** The organisation that imported the source, which alone sees it; null: shared by the whole installation. */
  org_id?: string | null;
  name: string;
  licence: string;
  url: string | null;
  cases: number;
  imported_at: string;
}

export interface VendorsTable {
  id: string;
  org_id: string;
  code: string;
  name: string;
  kind: string;
  services: string;
  website: string | null;
  owner_id: string | null;
  status: string;
  /** The rating decided at the last review: `unrated`, `low`, `medium`, `high` or `critical`. */
  rating: string;
  /** JSON array of ISO 3166 codes where the vendor stores or processes the organisation's data. */
  data_countries: string;
  contract_start: string | null;
  contract_end: string | null;
  /** Monitoring cadence: months between reviews. */
  review_months: number;
  last_reviewed_at: string | null;
  next_review_on: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
  version: number;
  /** The organisation's own fields, JSON by field key (see custom_fields). */
  custom: Generated<string>;
}

export interface VendorSystemsTable {
  org_id: string;
  vendor_id: string;
  system_id: string;
}

export interface VendorReviewsTable {
  id: string;
  org_id: string;
  vendor_id: string;
  /** JSON: question id → { answer, note }. */
  answers: string;
  gaps: number;
  suggested_rating: string;
  rating: string;
  note: string;
  reviewer_id: string | null;
  created_at: string;
}

/** Which organisation uploaded which stored file: the proof needed to reference it by hash. */
export interface OrgFilesTable {
  org_id: string;
  sha256: string;
  size: number;
  created_at: string;
}

/** Sign-in attempts per key (account and address, account, address, device) in a fixed window. */
export interface LoginThrottleTable {
  key: string;
  window_start: number;
  count: number;
}

/** A framework an organisation wrote itself, with its rules and crosswalk: library files only it sees. */
export interface OrgFrameworksTable {
  id: string;
  org_id: string;
  framework: string;
  version: string;
  document: string;
  rules: string | null;
  crosswalk: string | null;
  source_format: string;
  sha256: string;
  created_by: string | null;
  created_at: string;
}

/** An organisation's Ed25519 exchange key (docs/exchange.md); the private half sealed, null once retired. */
export interface ExchangeKeysTable {
  kid: string;
  org_id: string;
  public_x: string;
  private_key: string | null;
  created_at: string;
  retired_at: string | null;
}

/** A message id a recipient organisation has accepted from a sender, kept while it could be replayed. */
export interface ExchangeSeenTable {
  org_id: string;
  sender: string;
  jti: string;
  expires_at: string;
}

/** The receipt a recipient organisation gave for a sender's idempotency key: a retry gets it again. */
export interface ExchangeIdempotencyTable {
  org_id: string;
  sender: string;
  idempotency_key: string;
  payload_sha256: string;
  message_jti: string;
  kind: string;
  receipt: string;
  received_at: string;
}

/** A connection between an organisation and an authority, kept on each side (docs/exchange.md). */
export interface ExchangeConnectionsTable {
  id: string;
  org_id: string;
  direction: string;
  self_party: string;
  counterpart_party: string;
  counterpart_url: string | null;
  counterpart_slug: string;
  counterpart_name_ja: string;
  counterpart_name_en: string;
  counterpart_keys: string;
  sector: string | null;
  status: string;
  requested_at: string;
  decided_at: string | null;
  note: string | null;
  version: Generated<number>;
}

/** A document an organisation sends over the exchange, with the receipt it got back. */
export interface ExchangeOutgoingTable {
  id: string;
  org_id: string;
  connection_id: string;
  kind: string;
  schema: string;
  subject_type: string | null;
  subject_id: string | null;
  subject_label: string | null;
  idempotency_key: string;
  payload: string;
  payload_sha256: string;
  confidential: Generated<string>;
  status: string;
  attempts: Generated<number>;
  last_error: string | null;
  receipt: string | null;
  received_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

/** A submission an authority received: its intake queue, triage and trend columns. */
export interface OversightIntakeTable {
  id: string;
  org_id: string;
  connection_id: string | null;
  source: string;
  sender_party: string | null;
  kind: string;
  schema: string;
  idempotency_key: string | null;
  payload: string;
  payload_sha256: string;
  confidential: Generated<string>;
  message: string | null;
  received_at: string;
  subject_ref: string | null;
  headline: string;
  status: string;
  severity: string | null;
  sector: string | null;
  harm_types: Generated<string>;
  rights: Generated<string>;
  generative: number | null;
  model_provider: string | null;
  actor_role: string | null;
  occurred_month: string | null;
  assignee_id: string | null;
  case_id: string | null;
  supersedes: string | null;
  similar_to: string | null;
  similarity: number | null;
  duplicate_of: string | null;
  reference_match: string | null;
  minhash: string | null;
  updated_at: string;
  version: Generated<number>;
}

/** One locality-sensitive band of an intake's MinHash: equal bands make candidates for de-duplication. */
export interface OversightIntakeBandsTable {
  org_id: string;
  band: string;
  intake_id: string;
}

/** A message refused at an organisation's door (bad signature, unknown sender, replay, …). */
export interface ExchangeRefusalsTable {
  id: string;
  org_id: string;
  at: string;
  claimed_sender: string | null;
  code: string;
  address: string | null;
}

/** A case of rights infringement an authority analyses: submissions grouped, with a timeline. */
export interface OversightCasesTable {
  id: string;
  org_id: string;
  code: string;
  title_ja: string;
  title_en: string;
  summary: string;
  status: string;
  rights: Generated<string>;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  version: Generated<number>;
}

/** A note or a countermeasure considered, on a case's timeline. */
export interface OversightCaseEntriesTable {
  id: string;
  org_id: string;
  case_id: string;
  kind: string;
  body: string;
  at: string;
  by_user: string | null;
}

/** One trend dimension's value of one counted submission: a trend bar's drill-down. */
export interface OversightIntakeTagsTable {
  org_id: string;
  dimension: string;
  value: string;
  received_at: string;
  intake_id: string;
}

/** A request for information an authority sent (to one organisation, a sector or all registered). */
export interface OversightRequestsTable {
  id: string;
  org_id: string;
  code: string;
  title_ja: string;
  title_en: string;
  body_ja: string;
  body_en: string;
  questions: string;
  deadline: string;
  audience: string;
  status: string;
  recipients: Generated<number>;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  version: Generated<number>;
}

/** One organisation a request or an advisory was sent to, and (for a request) its answer. */
export interface OversightRecipientsTable {
  org_id: string;
  subject_id: string;
  connection_id: string;
  outgoing_id: string;
  status: string;
  answered_at: string | null;
  answer_intake_id: string | null;
}

/** An advisory or guidance an authority sends out, possibly carrying a library update. */
export interface OversightAdvisoriesTable {
  id: string;
  org_id: string;
  code: string;
  title_ja: string;
  title_en: string;
  body_ja: string;
  body_en: string;
  audience: string;
  library_update: string | null;
  status: string;
  recipients: Generated<number>;
  created_at: string;
  created_by: string | null;
  approved_by: string | null;
  sent_at: string | null;
  updated_at: string;
  version: Generated<number>;
}

/** The organisation's register of dealings with government (行政対応台帳): what authorities sent it. */
export interface DealingsTable {
  id: string;
  org_id: string;
  connection_id: string;
  kind: string;
  reference: string;
  title_ja: string;
  title_en: string;
  body: string;
  deadline: string | null;
  status: string;
  received_at: string;
  message_jti: string;
  task_id: string | null;
  answered_at: string | null;
  answer_outgoing_id: string | null;
  updated_at: string;
  version: Generated<number>;
}

/** What an authority publishes on its public register, through notice, response and approval. */
export interface OversightPublicationsTable {
  id: string;
  org_id: string;
  code: string;
  subject_type: string;
  subject_id: string | null;
  connection_id: string | null;
  title_ja: string;
  title_en: string;
  body_ja: string;
  body_en: string;
  snapshot: string | null;
  status: string;
  response_due: string | null;
  response: string | null;
  approval_id: string | null;
  published_at: string | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  version: Generated<number>;
}

/** A signed ledger checkpoint of a registered organisation, kept by the authority as its witness. */
export interface OversightCheckpointsTable {
  org_id: string;
  connection_id: string;
  seq: number;
  hash: string;
  signed_at: string;
  document: string;
  received_at: string;
  conflict: string | null;
}

/** A questionnaire an organisation loaded as a file (e.g. the official HAIP questions). */
export interface QuestionnairesTable {
  id: string;
  org_id: string;
  key: string;
  version: string;
  /** JSON text of the `musubi-questionnaire/1` file as loaded. */
  document: string;
  sha256: string;
  loaded_by: string | null;
  created_at: string;
}

/** An organisation's HAIP transparency report for one reporting year. */
export interface HaipReportsTable {
  id: string;
  org_id: string;
  year: number;
  questionnaire_key: string;
  questionnaire_version: string;
  /** JSON array of the roles the organisation reports as (model developer, application developer, deployer). */
  roles: string;
  /** `full`, or `small` for the shorter path of small organisations. */
  path: string;
  /** draft → in_review → approved → published (a rejection returns it to draft). */
  status: string;
  approval_id: string | null;
  /** JSON stages of approver ids, as tasks take them. */
  approval_plan: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface HaipAnswersTable {
  org_id: string;
  report_id: string;
  question_id: string;
  text_ja: string;
  text_en: string;
  prefill: string | null;
  prefilled_at: string | null;
  edited_by: string | null;
  edited_at: string | null;
  version: number;
}

/** A frozen, published snapshot: never updated except to record its withdrawal. */
export interface PublicationsTable {
  id: string;
  org_id: string;
  kind: string;
  subject: string;
  number: number;
  title_ja: string;
  title_en: string;
  document: string;
  sha256: string;
  source_id: string | null;
  published_by: string | null;
  published_at: string;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
}

/** A report written in the background (migration 0013): its request, progress and file. */
export interface ReportJobsTable {
  id: string;
  org_id: string;
  /** `board` or `compliance`. */
  kind: string;
  /** JSON text: the report's parameters (period, framework). */
  params: string;
  /** `pdf` or `xlsx`. */
  format: string;
  lang: string;
  /** queued → running → done, or failed. */
  status: string;
  /** The step under way, one of `REPORT_STAGES` (src/reports/reports.words.ts). */
  stage: string;
  done: number;
  total: number;
  /** The download's name once done; the file itself lies under the data folder. */
  file_name: string | null;
  file_size: number | null;
  /** The error code of a failed job. */
  error: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  departments: DepartmentsTable;
  audit_log: AuditLogTable;
  ai_systems: AiSystemsTable;
  assessments: AssessmentsTable;
  assessment_items: AssessmentItemsTable;
  controls: ControlsTable;
  control_requirements: ControlRequirementsTable;
  evidence: EvidenceTable;
  evidence_links: EvidenceLinksTable;
  import_jobs: ImportJobsTable;
  import_presets: ImportPresetsTable;
  custom_fields: CustomFieldsTable;
  custom_field_values: CustomFieldValuesTable;
  counters: CountersTable;
  risk_matrices: RiskMatricesTable;
  risks: RisksTable;
  risk_controls: RiskControlsTable;
  tasks: TasksTable;
  approvals: ApprovalsTable;
  approval_steps: ApprovalStepsTable;
  delegations: DelegationsTable;
  comments: CommentsTable;
  review_schedules: ReviewSchedulesTable;
  notifications: NotificationsTable;
  webhook_endpoints: WebhookEndpointsTable;
  outbox: OutboxTable;
  incidents: IncidentsTable;
  incident_links: IncidentLinksTable;
  incident_timeline: IncidentTimelineTable;
  reference_incidents: ReferenceIncidentsTable;
  reference_sources: ReferenceSourcesTable;
  vendors: VendorsTable;
  vendor_systems: VendorSystemsTable;
  vendor_reviews: VendorReviewsTable;
  org_files: OrgFilesTable;
  login_throttle: LoginThrottleTable;
  questionnaires: QuestionnairesTable;
  haip_reports: HaipReportsTable;
  haip_answers: HaipAnswersTable;
  publications: PublicationsTable;
  report_jobs: ReportJobsTable;
  org_frameworks: OrgFrameworksTable;
  exchange_keys: ExchangeKeysTable;
  exchange_seen: ExchangeSeenTable;
  exchange_idempotency: ExchangeIdempotencyTable;
  exchange_connections: ExchangeConnectionsTable;
  exchange_outgoing: ExchangeOutgoingTable;
  oversight_intake: OversightIntakeTable;
  oversight_intake_bands: OversightIntakeBandsTable;
  exchange_refusals: ExchangeRefusalsTable;
  oversight_cases: OversightCasesTable;
  oversight_case_entries: OversightCaseEntriesTable;
  oversight_intake_tags: OversightIntakeTagsTable;
  oversight_requests: OversightRequestsTable;
  oversight_recipients: OversightRecipientsTable;
  oversight_advisories: OversightAdvisoriesTable;
  dealings: DealingsTable;
  oversight_publications: OversightPublicationsTable;
  oversight_checkpoints: OversightCheckpointsTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type Department = Selectable<DepartmentsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type AiSystem = Selectable<AiSystemsTable>;
export type Assessment = Selectable<AssessmentsTable>;
export type AssessmentItem = Selectable<AssessmentItemsTable>;
export type Control = Selectable<ControlsTable>;
export type Evidence = Selectable<EvidenceTable>;
export type ImportJob = Selectable<ImportJobsTable>;
export type Risk = Selectable<RisksTable>;
export type Task = Selectable<TasksTable>;
export type Approval = Selectable<ApprovalsTable>;
export type ApprovalStep = Selectable<ApprovalStepsTable>;
export type ReviewSchedule = Selectable<ReviewSchedulesTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type Incident = Selectable<IncidentsTable>;
export type Vendor = Selectable<VendorsTable>;

/** Tables in the order a restore must insert them (parents before children). */
export const TABLES_IN_ORDER = [
  "organizations",
  "departments",
  "users",
  "sessions",
  "api_tokens",
  "ai_systems",
  "assessments",
  "assessment_items",
  "controls",
  "control_requirements",
  "evidence",
  "evidence_links",
  "import_jobs",
  "import_presets",
  "custom_fields",
  "custom_field_values",
  "counters",
  "risk_matrices",
  "risks",
  "risk_controls",
  "review_schedules",
  "tasks",
  "approvals",
  "approval_steps",
  "delegations",
  "comments",
  "notifications",
  "webhook_endpoints",
  "outbox",
  "incidents",
  "incident_links",
  "incident_timeline",
  "reference_incidents",
  "reference_sources",
  "vendors",
  "vendor_systems",
  "vendor_reviews",
  "questionnaires",
  "haip_reports",
  "haip_answers",
  "publications",
  "report_jobs",
  "org_frameworks",
  "exchange_keys",
  "exchange_seen",
  "exchange_idempotency",
  "exchange_connections",
  "exchange_outgoing",
  "oversight_intake",
  "oversight_intake_bands",
  "exchange_refusals",
  "oversight_cases",
  "oversight_case_entries",
  "oversight_intake_tags",
  "oversight_requests",
  "oversight_recipients",
  "oversight_advisories",
  "dealings",
  "oversight_publications",
  "oversight_checkpoints",
  "org_files",
  "audit_log",
] as const satisfies readonly (keyof Database)[];
