import type { SourceRecord } from "../../api/disclosures.ts";
import type { MessageKey } from "../../i18n/en.ts";
import type { Params } from "../../i18n/translate.ts";

const enc = encodeURIComponent;

/** Where a HAIP report's page is. */
export const haipReportPath = (id: string) => `/disclosures/haip/${enc(id)}`;

/** A path on the signed-out trust page as a full address, to open or to hand to someone outside. */
export function publicUrl(origin: string, publicPath: string): string {
  return `${origin.replace(/\/+$/, "")}${publicPath}`;
}

/**
 * Where a record a drafted answer rests on is shown: its page in the app, or — for a published
 * system card — its page on the trust page (`external`: opened in a new tab, outside the app).
 */
export function sourceRecordHref(record: Pick<SourceRecord, "type" | "id" | "code">, orgSlug: string): { href: string; external: boolean } | undefined {
  switch (record.type) {
    case "risk":
      return { href: `/risks/${enc(record.id)}`, external: false };
    case "system":
      return { href: `/systems/${enc(record.id)}`, external: false };
    case "incident":
      return { href: `/incidents/${enc(record.id)}`, external: false };
    case "publication":
      return record.code ? { href: `/public/${enc(orgSlug)}/systems/${enc(record.code)}`, external: true } : undefined;
  }
}

/**
 * The reporting year an approval of a HAIP report is for. The server titles those approvals
 * `HAIP <year>` in both languages; the year lets the UI name the report in the reader's language.
 */
export function haipApprovalYear(approval: { subjectType: string; title: string }): number | undefined {
  if (approval.subjectType !== "haip_report") return undefined;
  const m = /(\d{4})/.exec(approval.title);
  return m ? Number(m[1]) : undefined;
}

/**
 * An approval's title as a person reads it: a HAIP report's is named in the reader's language
 * ("HAIP 透明性報告書 2026年度"); any other keeps the title it was asked with.
 */
export function approvalTitle(approval: { subjectType: string; title: string }, t: (key: MessageKey, params?: Params) => string): string {
  const year = haipApprovalYear(approval);
  return year === undefined ? approval.title : t("disclosures.report.name", { year });
}
