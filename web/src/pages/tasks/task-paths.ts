import type { SubjectRef } from "../../api/workflow.ts";
import type { Locale } from "../../api/types.ts";
import { dealingPath } from "../dealings/dealing-paths.ts";
import { haipReportPath } from "../disclosures/disclosure-paths.ts";
import { advisoryPath, casePath, publicationPath, requestPath } from "../oversight/oversight-paths.ts";

const enc = encodeURIComponent;

/** Where a task's page is. */
export const taskPath = (id: string) => `/tasks/${enc(id)}`;

/** The pages of the records tasks, approvals and notifications point at. */
const SUBJECT_PAGES: Record<string, (id: string) => string> = {
  task: taskPath,
  system: (id) => `/systems/${enc(id)}`,
  risk: (id) => `/risks/${enc(id)}`,
  incident: (id) => `/incidents/${enc(id)}`,
  vendor: (id) => `/vendors/${enc(id)}`,
  control: (id) => `/controls/${enc(id)}`,
  schedule: () => "/schedules",
  haip_report: haipReportPath,
  // An authority's control tower: a publication's approval (稟議), notifications about its work.
  oversight_publication: publicationPath,
  oversight_request: requestPath,
  oversight_advisory: advisoryPath,
  oversight_case: casePath,
  // The organisation's register of dealings with authorities.
  dealing: dealingPath,
};

/** The page of a record named by type and id (`task`, `system`, `risk`…); undefined for a type without one. */
export function subjectPath(type: string, id: string): string | undefined {
  return Object.hasOwn(SUBJECT_PAGES, type) ? SUBJECT_PAGES[type]!(id) : undefined;
}

/** A subject as a person reads it: its code and its title in the UI language (else the other). */
export function subjectLabel(subject: Pick<SubjectRef, "code" | "titleJa" | "titleEn" | "id">, lang: Locale): string {
  const title = (lang === "ja" ? subject.titleJa || subject.titleEn : subject.titleEn || subject.titleJa) ?? "";
  const code = subject.code ?? "";
  if (code && title && code !== title) return `${code} ${title}`;
  return code || title || subject.id;
}
