import { z } from "zod";
import { LOCALES } from "../../platform/i18n.ts";
import { listSystemsQuery } from "../systems.schema.ts";

/** Who reads the file: people (labels in their language), or Musubi itself on re-import (field ids, raw values). */
export const EXPORT_AUDIENCES = ["people", "machine"] as const;
export type ExportAudience = (typeof EXPORT_AUDIENCES)[number];

/** File formats: CSV and Excel for either audience; JSON only ever in the import's shape. */
export const EXPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The inventory export's query: the list's filters (without paging), the file format, who it is
 * for, and the language of a file for people. `lang` exists because a download is a plain link:
 * the browser sends its own Accept-Language, not the language the person chose in Musubi.
 */
export const exportQuery = listSystemsQuery.omit({ limit: true, offset: true }).extend({
  format: z.enum(EXPORT_FORMATS).default("csv"),
  audience: z
    .enum(EXPORT_AUDIENCES)
    .default("people")
    .meta({
      description:
        "`people` (default): headers and values in the reader's language, the EU AI Act class with its date, posture per framework, one column per profile question answered, times in the organisation's zone. `machine`: field ids and raw values, for re-import into Musubi. JSON is always in the import's shape.",
    }),
  lang: z.enum(LOCALES).optional().meta({ description: "Language of a file for people; by default the one negotiated from Accept-Language" }),
});
export type ExportQuery = z.infer<typeof exportQuery>;
