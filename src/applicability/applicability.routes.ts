import { z } from "zod";
import { frameworkLabel } from "../library/library.present.ts";
import { defineRoute } from "../platform/http/route.ts";
import { todayIn } from "../platform/time.ts";
import { assessProfile } from "./applicability.service.ts";
import { applicabilityReportView, profileQuestionsView } from "./applicability.views.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

export const applicabilityRoutes = [
  defineRoute({
    method: "get",
    path: "/api/applicability/questions",
    summary: "The system profile questions (library data, Japanese and English)",
    tag: "applicability",
    access: { permission: "applicability.evaluate" },
    response: profileQuestionsView,
    async handler({ deps }) {
      const { groups, questions, constraints, version } = deps.library.profile;
      // Each basis named as people cite it ("AI推進法 第七条", "AI Act Article 26(1)"), not by its id.
      const cite = (urn: string) => {
        const e = deps.library.nodes.get(urn)!;
        return { urn, framework: frameworkLabel(e.framework.file), label: e.node.ref.label };
      };
      return {
        version,
        libraryVersion: deps.library.digest,
        groups,
        questions: questions.map((q) => (q.basis ? { ...q, basisRefs: q.basis.map(cite) } : q)),
        constraints: constraints.map(({ id, fields, message }) => ({ id, fields, message })),
      };
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
    response: applicabilityReportView,
    responses: { 422: { description: "invalid_profile: an answer is not one the questions allow (unknown question or option, wrong type, bad date, too long) or answers contradict each other; details name each field (facts.<question>)" } },
    async handler({ deps, actor, body, locale }) {
      return assessProfile(deps.library, body.facts, body.asOf ?? todayIn(actor.timeZone), locale);
    },
  }),
];
