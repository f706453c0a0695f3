import type { Permission as ServerPermission } from "../../../src/platform/authz.ts";
import type { ErrorCode as ServerErrorCode } from "../../../src/platform/errors.ts";

/**
 * The shapes the Musubi API answers with, as the web UI sees them. Kept by hand beside the server's
 * zod schemas (src/…/*.schema.ts) so the browser bundle never pulls in server code.
 */

export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Roles, most powerful first: the values a role select offers. What a role may do is the server's business. */
export const ROLES = ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** An ordinary organisation, or an authority (a regulator) whose people may hold the oversight roles. */
export type OrgKind = "organization" | "authority";

/** The oversight roles, which only an authority may give (the server refuses them elsewhere). */
export const AUTHORITY_ROLES: readonly Role[] = ["supervisor", "analyst", "publisher"];

/** The roles an organisation of this kind may give: what its role selects offer. */
export function rolesOf(kind: OrgKind): readonly Role[] {
  return kind === "authority" ? ROLES : ROLES.filter((r) => !AUTHORITY_ROLES.includes(r));
}

/** The server's permission names (src/platform/authz.ts), so a new one needs no second list here. */
export type Permission = ServerPermission;

export type UserStatus = "active" | "disabled";

export interface Page<T> {
  items: T[];
  total: number;
  /** `total` is a lower bound ("1,000+"): the list stopped counting there. */
  totalCapped?: true;
  limit: number;
  offset: number;
}

/** The list conventions every collection endpoint shares. */
export interface ListParams {
  limit?: number;
  offset?: number;
  sort?: string;
  q?: string;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  locale: Locale;
  departmentId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface OrganizationSummary {
  id: string;
  slug: string;
  kind: OrgKind;
  nameJa: string;
  nameEn: string;
  /** The organisation's IANA time zone: every time is shown, and every date typed is read, in it. */
  timeZone: string;
}

export interface SessionView {
  user: UserView;
  organization: OrganizationSummary;
  permissions: string[];
  csrfToken?: string;
  expiresAt?: string;
  via: "session" | "token";
}

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: Role;
  locale?: Locale;
  departmentId?: string | null;
  password?: string;
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  role?: Role;
  status?: UserStatus;
  locale?: Locale;
  departmentId?: string | null;
}

export interface CreatedUser {
  user: UserView;
  initialPassword?: string;
}

export interface UserListParams extends ListParams {
  role?: Role;
  status?: UserStatus;
  departmentId?: string;
}

export interface DepartmentView {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface TokenView {
  id: string;
  name: string;
  role: Role;
  /** What the token can do now: never more than its user's current role. */
  effectiveRole: Role;
  prefix: string;
  userId: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken {
  token: TokenView;
  secret: string;
}

export interface TokenListParams extends ListParams {
  revoked?: "true" | "false";
}

/** Segregation of duties (職務分掌): decisions that must not be taken by the people whose work they judge. */
export interface SegregationOfDuties {
  /** Whoever last answered a row of an assessment may not sign it off. */
  assessmentSignOff: boolean;
  /** A risk's owner, and whoever registered or rated it, may not accept it. */
  riskAcceptance: boolean;
}

export interface OrgSettings {
  defaultLocale: Locale;
  /** 1–12; 4 = April, the Japanese fiscal year. */
  fiscalYearStartMonth: number;
  timezone: string;
  segregationOfDuties: SegregationOfDuties;
}

export interface OrgView extends OrganizationSummary {
  settings: OrgSettings;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface UpdateOrgInput {
  version: number;
  nameJa?: string;
  nameEn?: string;
  settings?: Partial<Omit<OrgSettings, "segregationOfDuties">> & { segregationOfDuties?: Partial<SegregationOfDuties> };
}

export interface AuditEntry {
  seq: number;
  ts: string;
  actor: { type: string; id: string | null; label: string | null };
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditListParams {
  limit?: number;
  offset?: number;
  sort?: "seq" | "-seq";
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export type ChainBreakReason = "hash_mismatch" | "prev_hash_mismatch" | "seq_gap";

export interface VerifyReport {
  ok: boolean;
  entries: number;
  headSeq: number;
  headHash: string;
  firstBreak?: { seq: number; reason: string; expected: string; found: string };
  verifiedAt: string;
}

/** Every error code the API can answer with (the server's own list), plus `network` for a request that never got an answer. */
export type ErrorCode = ServerErrorCode | "network";


/** One entry of a `validation_failed` answer's details. */
export interface FieldIssue {
  /** Dotted path, e.g. `body.email`. */
  field: string;
  code: string;
  message: string;
}

// ——— The framework library (read-only reference data; src/library/library.routes.ts) ———

/** Text in Japanese and/or English: at least one is present. Show the UI language, else the other. */
export interface BilingualText {
  ja?: string;
  en?: string;
}

export type TextOrigin = "official" | "government-reference" | "source-editorial" | "musubi-editorial";
export type Relationship = "equal" | "subset" | "superset" | "intersect";

export interface LicenceInfo {
  appliesTo: "all" | "ja-text" | "en-text" | "metadata" | "structure";
  name: string;
  url?: string;
  attribution: string;
}

export interface SourceFile {
  path: string;
  sha256?: string;
  upstream?: string;
  note?: string;
}

export interface ActorRoleInfo {
  id: string;
  name: BilingualText;
  definedAt?: string;
  note?: BilingualText;
}

/** One framework version's metadata (everything but its nodes). */
export interface FrameworkMeta {
  framework: string;
  version: string;
  name: BilingualText;
  shortName?: BilingualText;
  kind: string;
  jurisdiction: string;
  issuer: BilingualText[];
  legalEffect: BilingualText;
  dates: {
    publishedOn: string | null;
    effectiveFrom: string | null;
    generalApplicationFrom?: string | null;
    lastAmendedOn?: string | null;
    /** The consolidation the stored text is (not the Act's commencement, which is `effectiveFrom`). */
    textAsOf?: string;
    statusAsOf?: string;
  };
  status?: BilingualText;
  previousVersion?: string | null;
  source: { title: BilingualText; url?: string; files: SourceFile[] };
  licence: LicenceInfo[];
  actorRoles: ActorRoleInfo[];
  /** What the sources do not say. */
  silence: BilingualText[];
  /** Is this the version searches and applicability use? */
  current: boolean;
  versions: string[];
  counts: { nodes: number; requirements: number };
  /** The organisation's own framework (only it sees it), not one Musubi ships. */
  own?: boolean;
}

export interface CrosswalkMeta {
  id: string;
  name: BilingualText;
  description: BilingualText;
  licence: LicenceInfo[];
  edges: number;
  frameworks: string[];
}

export interface LibraryIndex {
  digest: string;
  frameworks: FrameworkMeta[];
  crosswalks: CrosswalkMeta[];
}

/** A node in a list or tree: no body text. */
export interface NodeBrief {
  id: string;
  urn: string;
  parent?: string;
  type: string;
  label: BilingualText;
  title?: BilingualText;
  requirement: boolean;
  actors?: string[];
  tags?: string[];
  appliesFrom?: string;
}

export interface FrameworkTree {
  framework: FrameworkMeta;
  nodes: NodeBrief[];
}

/** A node elsewhere in the library, named well enough to link to it. */
export interface NodeRefView {
  urn: string;
  framework: string;
  frameworkName: BilingualText;
  version: string;
  id: string;
  label: BilingualText;
  title?: BilingualText;
  requirement: boolean;
}

export interface ScheduleEntry {
  appliesFrom: string;
  scope: BilingualText;
  basis: string;
}

/** A node as stored in the library, with its body text. */
export interface FrameworkNodeFull {
  id: string;
  urn: string;
  parent?: string;
  type: string;
  ref: { label: BilingualText; url?: string; article?: string; paragraph?: string; page?: string; sourcePath?: string };
  title?: BilingualText;
  text?: BilingualText;
  textOrigin?: { ja?: TextOrigin; en?: TextOrigin };
  textNote?: BilingualText;
  requirement: boolean;
  actors?: string[];
  tags?: string[];
  dates?: {
    appliesFrom?: string;
    originalAppliesFrom?: string;
    schedule?: ScheduleEntry[];
    status?: "in-force" | "promulgated-not-effective" | "repealed";
    note?: BilingualText;
  };
  refersTo?: string[];
  notes?: BilingualText[];
  /** Musubi's reading of the provision's wording, with the words it rests on. */
  obligation?: { kinds: NonNullable<NodeSummary["obligation"]>; wording: BilingualText };
}

export interface NodeDetail {
  node: FrameworkNodeFull;
  currency?: NonNullable<NodeSummary["currency"]>;
  framework: FrameworkMeta;
  ancestors: NodeBrief[];
  children: NodeBrief[];
  neighbours: {
    relationship: Relationship;
    provenance: "official" | "editorial";
    rationale: BilingualText;
    crosswalk: string;
    node: NodeRefView;
  }[];
  covers: {
    relationship: Relationship;
    full: boolean;
    hops: number;
    path: { to: string; relationship: Relationship; provenance: "official" | "editorial"; crosswalk: string }[];
    node: NodeRefView;
  }[];
  /** The nodes this one refers to, named for links (`refersTo` resolved). */
  references?: { urn: string; frameworkName?: BilingualText; label?: BilingualText }[];
}

export interface FrameworkDiffView {
  framework: string;
  from: string;
  to: string;
  added: NodeBrief[];
  removed: NodeBrief[];
  changed: { id: string; fields: string[]; before: FrameworkNodeFull; after: FrameworkNodeFull }[];
}

export interface LibrarySearchParams {
  q: string;
  framework?: string;
  limit?: number;
  offset?: number;
}

export interface LibrarySearchHit extends NodeRefView {
  /** A short piece of the matched text, in the language that matched. */
  snippet: string;
}

// ——— Applicability (src/applicability/*) ———

export type FactType = "boolean" | "enum" | "multi" | "date" | "text";
export type FactValue = boolean | string | string[];
export type Facts = Record<string, FactValue>;

export interface ProfileQuestionView {
  id: string;
  type: FactType;
  group: string;
  label: BilingualText;
  help?: BilingualText;
  options?: { value: string; label: BilingualText; help?: BilingualText }[];
  askIf?: string;
  basis?: string[];
  /** Set when the question is Musubi's reading of its basis, not the source's own words. */
  reading?: BilingualText;
  /** The basis as people cite it: the framework's short name and the provision's label. */
  basisRefs?: { urn: string; framework: BilingualText; label: BilingualText }[];
}

export interface ProfileQuestions {
  version: string;
  libraryVersion: string;
  groups: { id: string; label: BilingualText }[];
  questions: ProfileQuestionView[];
  constraints: { id: string; fields: string[]; message: BilingualText }[];
}

export type Timing = "current" | "upcoming" | "ended";

/** A library node as results cite it. */
export interface AmendmentBrief {
  id: string;
  lawNumber: BilingualText;
  title: BilingualText;
  effectiveOn: string;
  dateCertainty?: string;
}

export interface NodeSummary {
  urn: string;
  framework: string;
  version: string;
  id: string;
  label: BilingualText;
  title?: BilingualText;
  /** Best-effort / cooperation / measure of the State: Musubi's reading of the provision's wording. */
  obligation?: ("best-effort" | "cooperation" | "state-measure" | "local-government-measure")[];
  /** Amendments in force that the stored text lacks, and coming changes Musubi reads as touching it. */
  currency?: { textAsOf: string | null; missing?: AmendmentBrief[]; changes?: (AmendmentBrief & { basis: BilingualText })[] };
}

export interface RuleExplanationView {
  id: string;
  kind: "definition" | "rule";
  title: BilingualText;
  /** The condition in words (question labels and definition titles). */
  words: BilingualText;
  /** The condition as the library writes it (CEL). */
  expression: string;
  outcome: "holds" | "does-not-hold" | "undetermined" | "error";
  read: Record<string, unknown>;
  missing?: string[];
  error?: string;
  from?: string;
  until?: string;
  note?: BilingualText;
  cites: NodeSummary[];
}

export interface ClassificationView {
  scheme: string;
  name: BilingualText;
  exclusive: boolean;
  primary: { value: string; label: BilingualText } | null;
  values: { value: string; label: BilingualText; timing: Timing; from: string | null; until: string | null; rules: string[] }[];
  undetermined: string[];
}

export interface ApplicableRequirement extends NodeSummary {
  timing: Timing;
  from: string | null;
  rules: string[];
  requirementKind: string;
}

export interface ApplicabilityReport {
  asOf: string;
  libraryVersion: string;
  unanswered: string[];
  /** The questions to show, in order. */
  asked: string[];
  frameworks: {
    framework: string;
    version: string;
    name: BilingualText;
    kind: string;
    jurisdiction: string;
    current: number;
    upcoming: number;
    /** Whether the instrument carries penalties; `origin` says whose statement it is. */
    penalties?: { any: boolean; text: BilingualText; origin: string };
  }[];
  classifications: ClassificationView[];
  requirements: ApplicableRequirement[];
  explanations: RuleExplanationView[];
  errors: { id: string; message: string }[];
}
