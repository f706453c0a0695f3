import { request, withSignal } from "./client.ts";
import type { Locale } from "./types.ts";

/**
 * The management reports as the web UI sees them: a job that writes the board report or a
 * framework's compliance report, its progress, and its file (src/reports/reports.schema.ts,
 * docs/reports.md). Kept by hand beside the server's zod schemas.
 */

/** `system-cards`: every AI system card, as gzip-compressed JSON Lines (format `jsonl`). */
export type ReportKind = "board" | "compliance" | "system-cards";
export type ReportFormat = "pdf" | "xlsx" | "jsonl";

export interface ReportJobRequest {
  kind: ReportKind;
  params: { framework?: string; from?: string; to?: string };
  format: ReportFormat;
  lang: Locale;
}

export interface ReportJob {
  id: string;
  kind: ReportKind;
  format: ReportFormat;
  lang: Locale;
  status: "queued" | "running" | "done" | "failed";
  progress: { done: number; total: number; stage: string; label: { ja: string; en: string } };
  file: { name: string; size: number; href: string } | null;
  error: { code: string; message: { ja: string; en: string } } | null;
  createdAt: string;
  finishedAt: string | null;
}

export const reportsApi = {
  start: (body: ReportJobRequest) => request<ReportJob>("POST", "/api/reports/jobs", { body }),
  job: (id: string, signal?: AbortSignal) => request<ReportJob>("GET", `/api/reports/jobs/${encodeURIComponent(id)}`, withSignal(signal)),
};
