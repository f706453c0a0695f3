import { z } from "zod";

/** An advisory as it travels to each organisation (signed, kind `advisory`). */
export const ADVISORY_SCHEMA = "musubi-advisory/1";

const words = z.strictObject({ ja: z.string().max(50_000), en: z.string().max(50_000) });

/** A framework with its rules and crosswalk, as an organisation installs its own (src/library/org). */
export const LibraryUpdate = z.strictObject({
  format: z.literal("musubi-framework-bundle/1"),
  framework: z.unknown(),
  rules: z.unknown().optional(),
  crosswalk: z.unknown().optional(),
});
export type LibraryUpdate = z.infer<typeof LibraryUpdate>;

export const AdvisoryPayload = z.strictObject({
  format: z.literal(ADVISORY_SCHEMA),
  reference: z.string().regex(/^[A-Z]{2,5}-\d{6}$/),
  authority: words,
  title: words,
  body: words,
  /** A library update the organisation may install: its diff and the systems it changes are shown first. */
  libraryUpdate: LibraryUpdate.nullable(),
});
export type AdvisoryPayload = z.infer<typeof AdvisoryPayload>;
