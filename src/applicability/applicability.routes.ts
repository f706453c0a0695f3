import { z } from "zod";
import { defineRoute } from "../platform/http/route.ts";
import { assessProfile, todayInTokyo } from "./applicability.service.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

export const applicabilityRoutes = [
  defineRoute({
    method: "get",
    path: "/api/applicability/questions",
    summary: "The system profile questions (library data, Japanese and English)",
    tag: "applicability",
    access: { permission: "applicability.evaluate" },
    async handler({ deps }) {
      const { groups, questions, constraints, version } = deps.library.profile;
      return { version, libraryVersion: deps.library.digest, groups, questions, constraints: constraints.map(({ id, fields, message }) => ({ id, fields, message })) };
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/applicability/evaluate",
    summary: "Which frameworks and requirements apply to a system profile, its EU AI Act class, and why",
    tag: "applicability",
    access: { permission: "applicability.evaluate" },
    body: z.strictObject({
      facts: z.record(z.string().max(100), z.unknown()),
      asOf: isoDate.optional(),
    }),
    async handler({ deps, body, locale }) {
      return assessProfile(deps.library, body.facts, body.asOf ?? todayInTokyo(), locale);
    },
  }),
];
