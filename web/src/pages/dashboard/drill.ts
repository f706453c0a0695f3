import { queryString } from "../../api/client.ts";
import type { EvidenceStatus, ItemGroup, ItemStatus, Lifecycle } from "../../api/compliance.ts";

/** Where each dashboard figure leads: the filtered list of the rows it counts. */
export const drill = {
  rows: (filter: { framework?: string; status?: ItemStatus; urn?: string; group?: ItemGroup }) => `/assessment-items${queryString(filter)}`,
  systems: (filter: { euClass?: string; lifecycle?: Lifecycle; reviewOverdue?: true }) => `/systems${queryString(filter)}`,
  system: (id: string) => `/systems/${encodeURIComponent(id)}`,
  evidence: (filter: { status?: EvidenceStatus }) => `/evidence${queryString(filter)}`,
};
