import type { TestApp } from "./app.ts";

export { JP_BUSINESS_USER_PROFILE as JP_BUSINESS_PROFILE } from "../../src/applicability/profile.examples.ts";

/** Registers a system through the API and fails loudly when that does not work. */
export async function registerSystem(api: TestApp, token: string, body: Record<string, unknown>) {
  const res = await api.call("POST", "/api/systems", { token, body });
  if (res.status !== 201) throw new Error(`register system: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; frameworks: string[]; euClass: string | null; code: string };
}

export async function startAssessment(api: TestApp, token: string, systemId: string, framework: string) {
  const res = await api.call("POST", `/api/systems/${systemId}/assessments`, { token, body: { framework } });
  if (res.status !== 201) throw new Error(`start assessment: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; total: number; version: number; counts: Record<string, number> };
}

export async function itemsOf(api: TestApp, token: string, assessmentId: string, query = "") {
  const res = await api.call("GET", `/api/assessments/${assessmentId}/items?limit=200${query}`, { token });
  if (res.status !== 200) throw new Error(`items: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items as { id: string; version: number; requirement: { urn: string }; effective: string; answer: string | null; answerSource: string | null; controls: unknown[]; evidence: unknown[]; change: string | null; applicable: boolean }[];
}
