import type { ConfidentialMark, ConfidentialReason } from "../../api/oversight.ts";
import type { MessageKey } from "../../i18n/en.ts";

/** The parts of an incident report an organisation most often asks an authority to keep confidential. */
export const INCIDENT_PARTS = ["/rootCause", "/harm/affectedParties", "/incident/summary", "/aiSystems"] as const;
export type IncidentPart = (typeof INCIDENT_PARTS)[number];

const NAMED: Record<string, MessageKey> = {
  "/rootCause": "oversight.part.rootCause",
  "/harm/affectedParties": "oversight.part.affectedParties",
  "/incident/summary": "oversight.part.summary",
  "/incident/title": "oversight.part.title",
  "/incident": "oversight.part.incident",
  "/aiSystems": "oversight.part.aiSystems",
  "/harm": "oversight.part.harm",
  "/harm/rightsAffected": "oversight.part.rights",
  "/harm/types": "oversight.part.harmTypes",
  "/personalData": "oversight.part.personalData",
  "/incident/occurredAt": "oversight.part.occurredAt",
  "/incident/severity": "oversight.part.severity",
  "/reporter": "oversight.part.reporter",
  "/actions": "oversight.part.actions",
  "/timeline": "oversight.part.timeline",
  // A report from the public (musubi-harm-report/1).
  "/description": "oversight.part.description",
  "/service": "oversight.part.service",
  "/provider": "oversight.part.provider",
  "/when": "oversight.part.when",
  "/harmTypes": "oversight.part.harmTypes",
  "/rights": "oversight.part.rights",
  "/contact": "oversight.part.contact",
};

/** Reads a JSON Pointer's tokens (RFC 6901: `~1` is `/`, `~0` is `~`). */
export function pointerTokens(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/**
 * A part of a document in words, never as its JSON Pointer: a known part by name, an AI system by
 * its position ("AI system 2", "AI system 2: vendors"), an answer to a request by its question's
 * number ("the answer to question 2"), anything else as "another part".
 */
export function partWords(pointer: string): { key: MessageKey; params?: Record<string, string | number> } {
  const named = NAMED[pointer];
  if (named) return { key: named };
  const [head, index, field] = pointerTokens(pointer);
  if (head === "aiSystems" && index !== undefined && /^\d+$/.test(index)) {
    const n = Number(index) + 1;
    if (field === undefined) return { key: "oversight.part.aiSystem", params: { n } };
    if (field === "vendors") return { key: "oversight.part.aiSystemVendors", params: { n } };
    if (field === "models") return { key: "oversight.part.aiSystemModels", params: { n } };
    return { key: "oversight.part.aiSystemOther", params: { n } };
  }
  if (head === "answers" && index !== undefined && /^\d+$/.test(index) && (field === undefined || field === "answer")) return { key: "oversight.part.answer", params: { n: Number(index) + 1 } };
  return { key: "oversight.part.other" };
}

/**
 * The confidentiality mark that covers `pointer`: one on the part itself or on a part that holds it
 * (`/aiSystems` covers `/aiSystems/0/vendors`). Undefined when the part is not confidential.
 */
export function markCovering(pointer: string, marks: readonly ConfidentialMark[]): ConfidentialMark | undefined {
  return marks.find((m) => m.pointer === pointer || pointer.startsWith(`${m.pointer}/`));
}

/** Marks on parts inside `pointer` (a system's vendors inside the systems), not covering all of it. */
export function marksInside(pointer: string, marks: readonly ConfidentialMark[]): ConfidentialMark[] {
  return marks.filter((m) => m.pointer.startsWith(`${pointer}/`));
}

/** The parts chosen as confidential (a reason each, "" for not chosen), in the dialog's order, as the API takes them. */
export function marksOf(choices: Readonly<Record<IncidentPart, ConfidentialReason | "">>): ConfidentialMark[] {
  return INCIDENT_PARTS.flatMap((pointer) => {
    const reason = choices[pointer];
    return reason ? [{ pointer, reason }] : [];
  });
}
