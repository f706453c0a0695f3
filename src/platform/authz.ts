import { AppError } from "./errors.ts";

/**
 * Roles, most powerful first. `auditor` reads everything and writes nothing. `supervisor`, `analyst`
 * and `publisher` are an authority's oversight roles ({@link AUTHORITY_ROLES}). The order matters
 * to {@link effectiveRole}, which takes the first role within two others: a role must come before
 * every role whose permissions are a subset of its own (supervisor before analyst, all before viewer).
 */
export const ROLES = ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/**
 * The roles only an authority's people hold (issue 16): analysts triage what organisations send, a
 * supervisor approves the authority's findings, a publisher publishes them. An ordinary organisation
 * cannot give them to anyone (users, API tokens).
 */
export const AUTHORITY_ROLES = ["supervisor", "analyst", "publisher"] as const satisfies readonly Role[];

export function isAuthorityRole(role: Role): boolean {
  return (AUTHORITY_ROLES as readonly Role[]).includes(role);
}

const ALL: readonly Role[] = ROLES;
const READERS_OF_RECORDS: readonly Role[] = ["admin", "governance_lead", "auditor"];

/**
 * Who may do what: a permission maps to the roles that hold it, and nothing else does.
 * A permission missing from this table is a compile error at the route that names it, and a role
 * missing from a row is denied — default-deny in both directions.
 */
export const PERMISSIONS = {
  /** Own session, own password, sign-out: every signed-in person manages their own credentials. */
  "self": ALL,
  "org.read": ALL,
  "org.update": ["admin"],
  "users.read": ALL,
  "users.manage": ["admin"],
  "tokens.read": ["admin", "auditor"],
  "tokens.manage": ["admin"],
  "departments.read": ALL,
  /** The organisation's own fields on systems, risks, incidents and vendors: everyone's forms read them. */
  "fields.read": ALL,
  "fields.manage": ["admin", "governance_lead"],
  "departments.manage": ["admin", "governance_lead"],
  "audit.read": READERS_OF_RECORDS,
  /** The framework library is published reference data: everyone signed in may read it. */
  "library.read": ALL,
  /** Add or remove the organisation's own frameworks (its policies, sector guidelines, customers' questionnaires). */
  "library.manage": ["admin", "governance_lead"],
  /** Evaluating a profile stores nothing, so every role may ask "what applies?". */
  "applicability.evaluate": ALL,
  "systems.read": ALL,
  /** Register systems and edit them; a system owner only edits systems they own (systems.policy.ts). */
  "systems.edit": ["admin", "governance_lead", "system_owner"],
  /** Edit or delete any system, whoever owns it. */
  "systems.manage": ["admin", "governance_lead"],
  "systems.import": ["admin", "governance_lead"],
  "assessments.read": ALL,
  /** Answer assessment rows; a system owner only for systems they own. */
  "assessments.answer": ["admin", "governance_lead", "system_owner"],
  /** Sign an assessment off: a second pair of eyes, so system owners cannot. */
  "assessments.sign_off": ["admin", "governance_lead", "reviewer"],
  "controls.read": ALL,
  "controls.manage": ["admin", "governance_lead"],
  "evidence.read": ALL,
  /** Record evidence, and change or delete one's own (evidence.policy.ts). */
  "evidence.manage": ["admin", "governance_lead", "system_owner"],
  /** Change or delete any evidence, whoever recorded it. */
  "evidence.manage_any": ["admin", "governance_lead"],
  "dashboard.read": ALL,
  "risks.read": ALL,
  /** File and keep risks current; a system owner only risks they own or of systems they own (risks.policy.ts). */
  "risks.edit": ["admin", "governance_lead", "system_owner"],
  /** Any risk, whoever owns it, and the organisation's risk matrix. */
  "risks.manage": ["admin", "governance_lead"],
  /** Accept a risk on the organisation's behalf (not one's own, nor one registered or rated oneself, while the organisation's segregation of duties is on: risks.acceptance.ts). */
  "risks.accept": ["admin", "governance_lead"],
  "tasks.read": ALL,
  /** Create tasks, and move forward those assigned to or created by oneself (tasks.policy.ts). */
  "tasks.edit": ["admin", "governance_lead", "system_owner", "reviewer"],
  /** Change any task, whoever it is assigned to. */
  "tasks.manage": ["admin", "governance_lead"],
  /** Decide approval steps — only steps one is the approver, delegate or escalation of (approvals.service.ts). */
  "approvals.decide": ["admin", "governance_lead", "system_owner", "reviewer", "supervisor"],
  /** Recurring review schedules. */
  "schedules.manage": ["admin", "governance_lead"],
  /** Webhook endpoints receive the organisation's events, so only administrators add them. */
  "webhooks.manage": ["admin"],
  "incidents.read": ALL,
  /** File incidents, and keep those one owns current (incidents.policy.ts). */
  "incidents.report": ["admin", "governance_lead", "system_owner", "reviewer"],
  /** Change or close any incident. */
  "incidents.manage": ["admin", "governance_lead"],
  "vendors.read": ALL,
  /** Vendors, their reviews and ratings (DESIGN's "vendor manager" is a governance lead here). */
  "vendors.manage": ["admin", "governance_lead"],
  /** Disclosures (HAIP reports, publications) are read by everyone in the organisation before anyone outside sees them. */
  "disclosures.read": ALL,
  /** Draft and edit the HAIP report, and ask for its approval. */
  "disclosures.edit": ["admin", "governance_lead", "system_owner"],
  /** Publish on the public trust page, withdraw, load questionnaires: the organisation speaking in public. */
  "disclosures.publish": ["admin", "governance_lead"],
  /** The organisation's register of dealings with authorities: connections, what it sent (with receipts), what it received. */
  "exchange.read": READERS_OF_RECORDS,
  /** Connect to an authority and send it documents: the organisation speaking to the State. */
  "exchange.submit": ["admin", "governance_lead"],
  /** An authority's oversight work (what organisations sent it, cases, trends): its auditor reads it too. */
  "oversight.read": ["admin", "auditor", "supervisor", "analyst", "publisher"],
  /** Triage submissions, group them into cases, write analysis. */
  "oversight.triage": ["admin", "supervisor", "analyst"],
  /** Approve findings and guidance before they leave the authority: a second pair of eyes over the analysts. */
  "oversight.approve": ["admin", "supervisor"],
  /** Publish what was approved (guidance, open data): the authority speaking in public. */
  "oversight.publish": ["admin", "publisher"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  const allowed: readonly Role[] | undefined = PERMISSIONS[permission];
  return allowed !== undefined && allowed.includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

/** True when every permission of `role` is also one of `ceiling`'s: `role` grants nothing more. */
export function isWithin(role: Role, ceiling: Role): boolean {
  return permissionsOf(role).every((p) => can(ceiling, p));
}

/**
 * What a credential issued with `granted` may do for a user whose role is now `current`: the most
 * powerful role that grants nothing beyond either. Roles are not a strict ladder (a reviewer
 * approves, an auditor reads the ledger), so "the lower of the two" is their meet: an auditor's
 * token held by a user who is now a reviewer acts as a viewer. Never more than the user's role.
 */
export function effectiveRole(granted: Role, current: Role): Role {
  return ROLES.find((r) => isWithin(r, granted) && isWithin(r, current)) ?? "viewer";
}

/** Who is acting: a person through a browser session, or automation through an API token. */
export interface Actor {
  kind: "session" | "token";
  userId: string;
  orgId: string;
  role: Role;
  /**
   * The organisation's IANA time zone, read with the credentials (no extra query): "today" for
   * the request is `todayIn(actor.timeZone)`, so due dates and overdue work turn at the
   * organisation's midnight. Internal only; no API answer carries it.
   */
  timeZone: string;
  /**
   * Which of its own frameworks the organisation has (a stamp that changes with them; null: none),
   * read with the credentials: the request is answered with the shipped library plus those.
   */
  frameworksStamp?: string | null;
  /** What kind of tenant the organisation is, read with the credentials; absent counts as an ordinary organisation. */
  orgKind?: "organization" | "authority";
  /** E-mail (and token name) as recorded in the ledger's "who". */
  label: string;
  sessionId?: string;
  tokenId?: string;
  csrfToken?: string;
  /**
   * The organisation's ledger head when the credentials were read, before anything else the
   * request reads: what the page cache labels answers with.
   */
  ledgerHead?: number;
}

/** Permissions that exist only in an authority: an ordinary organisation's administrator has no control tower. */
export function isOversightPermission(permission: Permission): boolean {
  return permission.startsWith("oversight.");
}

/** Throws 403 unless the actor's role holds the permission (and, for oversight, the organisation is an authority). */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError(403, "forbidden", { permission });
  if (isOversightPermission(permission) && actor.orgKind !== "authority") throw new AppError(403, "forbidden", { permission });
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
