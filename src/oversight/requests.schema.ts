import { z } from "zod";

/** A request for information as it travels to each organisation (signed, kind `rfi`). */
export const RFI_SCHEMA = "musubi-rfi/1";
/** An organisation's answer, the document inside a `musubi-submission/1` envelope (kind `rfi-answer`). */
export const RFI_ANSWER_SCHEMA = "musubi-rfi-answer/1";

const words = z.strictObject({ ja: z.string().max(20_000), en: z.string().max(20_000) });
const Reference = z.string().regex(/^[A-Z]{2,5}-\d{6}$/);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const RfiPayload = z.strictObject({
  format: z.literal(RFI_SCHEMA),
  reference: Reference,
  authority: words,
  title: words,
  body: words,
  questions: z.array(z.strictObject({ id: z.string().regex(/^q\d{1,3}$/), ja: z.string().max(5000), en: z.string().max(5000) })).min(1).max(50),
  /** The day answers are due. */
  deadline: Day,
});
export type RfiPayload = z.infer<typeof RfiPayload>;

export const RfiAnswerDocument = z.strictObject({
  format: z.literal(RFI_ANSWER_SCHEMA),
  /** The request answered (its RFI-… reference). */
  reference: Reference,
  organisation: words,
  answeredAt: z.string(),
  answers: z.array(z.strictObject({ questionId: z.string().max(10), question: words, answer: z.string().max(50_000) })).max(50),
});
export type RfiAnswerDocument = z.infer<typeof RfiAnswerDocument>;

export const AUDIENCES = ["one", "sector", "all"] as const;

/** A request as an authority writes it: flat, so every client can send it. */
export const createRequestBody = z.strictObject({
  titleJa: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(300),
  bodyJa: z.string().max(20_000).default(""),
  bodyEn: z.string().max(20_000).default(""),
  questions: z.array(z.strictObject({ ja: z.string().trim().min(1).max(5000), en: z.string().trim().min(1).max(5000) })).min(1).max(50),
  deadline: Day,
  /** `one` organisation (`connectionId`), a `sector` (`sector`), or `all` registered organisations. */
  audience: z.enum(AUDIENCES),
  connectionId: z.string().max(100).optional(),
  sector: z.string().max(100).optional(),
});
export type CreateRequestBody = z.infer<typeof createRequestBody>;
