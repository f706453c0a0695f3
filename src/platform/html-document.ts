import { createHash } from "node:crypto";

/**
 * The Content-Security-Policy of a document Musubi renders for people to read, print or hand on
 * (the incident report, the system card): nothing may run or load, and its one inline style sheet
 * is allowed by hash — the app's own policy (`style-src 'self'`) would leave it unstyled.
 */
export function documentCsp(css: string): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${createHash("sha256").update(css).digest("base64")}'`,
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Text as HTML: every value an organisation typed goes through this before it reaches a document. */
export const escapeHtml = (s: string | number | null | undefined): string =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
