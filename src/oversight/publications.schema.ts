import { z } from "zod";

/** What an authority tells the organisation a publication names: the notice, then its publication or withdrawal (kind `publication-notice`). */
export const NOTICE_SCHEMA = "musubi-publication-notice/1";
/** The named organisation's response (kind `publication-response`). */
export const RESPONSE_SCHEMA = "musubi-publication-response/1";

const words = z.strictObject({ ja: z.string().max(50_000), en: z.string().max(50_000) });
const Reference = z.string().regex(/^[A-Z]{2,5}-\d{6}$/);

export const NoticePayload = z.strictObject({
  format: z.literal(NOTICE_SCHEMA),
  reference: Reference,
  /** `notice`: before publication, with the time to respond; `published` and `withdrawn` follow. */
  stage: z.enum(["notice", "published", "withdrawn"]),
  authority: words,
  title: words,
  body: words,
  responseDue: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  reason: z.string().max(5000).nullable(),
});
export type NoticePayload = z.infer<typeof NoticePayload>;

export const ResponsePayload = z.strictObject({
  format: z.literal(RESPONSE_SCHEMA),
  reference: Reference,
  text: z.string().min(1).max(50_000),
  respondedAt: z.string(),
});
export type ResponsePayload = z.infer<typeof ResponsePayload>;

export const PUBLICATION_SUBJECTS = ["case", "advisory", "statistics"] as const;
export const PUBLICATION_STATUSES = ["draft", "noticed", "in_review", "approved", "published", "withdrawn"] as const;

export const draftPublicationBody = z.strictObject({
  subjectType: z.enum(PUBLICATION_SUBJECTS),
  /** The case or the sent advisory published; none for statistics. */
  subjectId: z.string().max(100).optional(),
  /** The registered organisation the publication names (it is given notice and may respond). */
  connectionId: z.string().max(100).optional(),
  titleJa: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(300),
  bodyJa: z.string().trim().min(1).max(50_000),
  bodyEn: z.string().trim().min(1).max(50_000),
  /** For statistics: the months published (YYYY-MM). */
  from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
});
export type DraftPublicationBody = z.infer<typeof draftPublicationBody>;
