import { ApiError } from "../../api/client.ts";
import type { PublicationStatus, PublicationView } from "../../api/oversight.ts";
import type { Permission, UserView } from "../../api/types.ts";
import type { MessageKey } from "../../i18n/en.ts";

/** The steps of a publication's due process in order; a withdrawal follows publication. */
export const PUBLICATION_STEPS = ["draft", "noticed", "in_review", "approved", "published", "withdrawn"] as const satisfies readonly PublicationStatus[];

export type StepState = "done" | "current" | "upcoming" | "skipped";

/**
 * Where a publication stands, step by step: the steps before its status are done, its status is
 * current, the rest are to come. The notice is skipped when the publication names no organisation
 * (there is no one to tell); the withdrawal shows only once it happened.
 */
export function publicationSteps(p: Pick<PublicationView, "status" | "names">): { step: PublicationStatus; state: StepState }[] {
  const at = PUBLICATION_STEPS.indexOf(p.status);
  return PUBLICATION_STEPS.filter((step) => step !== "withdrawn" || p.status === "withdrawn").map((step, i) => {
    if (step === "noticed" && !p.names) return { step, state: "skipped" as const };
    return { step, state: i < at ? ("done" as const) : i === at ? ("current" as const) : ("upcoming" as const) };
  });
}

/** What the signed-in person may do with a publication now; `submit` waits while the organisation named may still respond. */
export interface PublicationActions {
  notice: boolean;
  submit: "ready" | "waiting" | false;
  publish: boolean;
  withdraw: boolean;
}

/**
 * The steps offered, as the server allows them: notice (a supervisor) to a draft naming an
 * organisation; approval asked (an analyst or supervisor) for a draft naming none, or once the
 * organisation named responded or its response period ended (`today` after the due day, in the
 * authority's calendar); publication and withdrawal (a publisher).
 */
export function publicationActions(p: Pick<PublicationView, "status" | "names" | "response" | "responseDue">, can: (permission: Permission) => boolean, today: string): PublicationActions {
  const open = p.status === "draft" ? !p.names : p.status === "noticed";
  const waiting = p.status === "noticed" && !p.response && p.responseDue !== null && today <= p.responseDue;
  return {
    notice: p.status === "draft" && p.names !== null && can("oversight.approve"),
    submit: open && can("oversight.triage") ? (waiting ? "waiting" : "ready") : false,
    publish: p.status === "approved" && can("oversight.publish"),
    withdraw: p.status === "published" && can("oversight.publish"),
  };
}

/** Who may approve a publication: the authority's active supervisors and administrators, never the person asking. */
export function approverCandidates(users: readonly UserView[], me: string): UserView[] {
  return users.filter((u) => u.status === "active" && u.id !== me && (u.role === "supervisor" || u.role === "admin"));
}

/** A refusal of a step in the user's words: a message key and what it names (a date to format, a status). */
export interface StepRefusal {
  key: MessageKey;
  date?: string;
  status?: PublicationStatus;
}

const STATUSES: readonly string[] = PUBLICATION_STEPS;

/**
 * Why the server refused a step (409 `publication_step`), in the user's words: the publication
 * names no organisation to give notice to, notice must come first, the organisation may still
 * respond until a day, or the publication has moved on. Undefined for any other error.
 */
export function stepRefusal(error: unknown): StepRefusal | undefined {
  if (!(error instanceof ApiError) || error.code !== "publication_step") return undefined;
  const details = (typeof error.details === "object" && error.details !== null ? error.details : {}) as Record<string, unknown>;
  switch (details.reason) {
    case "names_no_organisation":
      return { key: "oversight.publication.refusal.namesNoOrganisation" };
    case "notice_first":
      return { key: "oversight.publication.refusal.noticeFirst" };
    case "response_period":
      return typeof details.responseDue === "string" ? { key: "oversight.publication.refusal.responsePeriod", date: details.responseDue } : { key: "oversight.publication.refusal.responsePeriodOpen" };
  }
  if (typeof details.status === "string" && STATUSES.includes(details.status)) return { key: "oversight.publication.refusal.status", status: details.status as PublicationStatus };
  return { key: "oversight.publication.refusal.other" };
}
