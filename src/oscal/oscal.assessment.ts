import { combineControls, type ItemStatus } from "../compliance/statuses.ts";
import type { Library } from "../library/library.model.ts";
import { frameworkLabel } from "../library/library.present.ts";
import type { Text } from "../library/library.schema.ts";
import { bothLanguages, compact, contentDigest, musubiProp, oneLine, oscalProp, stableUuid, toMarkup, toToken } from "./oscal.common.ts";
import type { AssessmentForExport, EvidenceRow } from "./oscal.store.ts";
import type { OscalResource } from "./oscal.types.ts";

/**
 * How a Musubi status reads in OSCAL, which knows only "satisfied" and "not-satisfied" for an
 * objective (with a reason) and an implementation state. Musubi's interpretation, documented in
 * docs/oscal.md; the Musubi status itself is always kept as the `status` prop.
 */
export const STATUS_TO_OSCAL: Record<ItemStatus, { state: "satisfied" | "not-satisfied"; reason: "pass" | "fail" | "other"; implementation?: string }> = {
  met: { state: "satisfied", reason: "pass", implementation: "implemented" },
  partially_met: { state: "not-satisfied", reason: "fail", implementation: "partial" },
  not_met: { state: "not-satisfied", reason: "fail" },
  not_applicable: { state: "satisfied", reason: "other", implementation: "not-applicable" },
  in_progress: { state: "not-satisfied", reason: "other" },
  not_started: { state: "not-satisfied", reason: "other" },
};

const STATUS_WORDS: Record<ItemStatus, Text> = {
  met: { ja: "適合", en: "met" },
  partially_met: { ja: "一部適合", en: "partially met" },
  not_met: { ja: "不適合", en: "not met" },
  not_applicable: { ja: "対象外", en: "not applicable" },
  in_progress: { ja: "対応中（未評価）", en: "in progress (not yet assessed)" },
  not_started: { ja: "未着手（未評価）", en: "not started (not yet assessed)" },
};

const SOURCE_WORDS: Record<string, Text> = {
  person: { ja: "担当者の回答", en: "answered by a person" },
  inferred: { ja: "クロスウォークからの推定（担当者が承認）", en: "inferred through the crosswalks and accepted by a person" },
  controls: { ja: "対応付けたコントロールの状況から", en: "from the status of the mapped controls" },
  none: { ja: "回答なし", en: "not answered" },
};

const LIFECYCLE_STATE: Record<string, string> = { planning: "under-development", development: "under-development", deployed: "operational", retired: "disposition", unknown: "other" };

/** A stored timestamp as an OSCAL date-time (UTC, with its zone). */
const instant = (value: string) => new Date(value).toISOString();

const words = (ja: string, en: string) => `${ja} / ${en}`;

/**
 * One assessment as OSCAL 1.2 assessment-results: one result; the assessed AI system as the
 * subject (a `this-system` component); per applicable requirement a finding (its status) and an
 * observation (who answered, justification and comment, the evidence as relevant-evidence links to
 * back-matter resources). Control ids are those of the framework's catalog export.
 */
export function assessmentToResults(library: Library, data: AssessmentForExport) {
  const { assessment: a, system, org, items } = data;
  const fw = library.frameworks.get(a.framework_id)?.get(a.framework_version) ?? library.current.get(a.framework_id);
  const fwName: Text = fw ? frameworkLabel(fw.file) : { en: a.framework_id };
  const systemName = words(system.name_ja, system.name_en);
  const componentUuid = stableUuid("system", system.id);
  const evidence = new Map<string, EvidenceRow>();
  const resourceOf = (e: EvidenceRow) => {
    evidence.set(e.id, e);
    return stableUuid("evidence", e.id);
  };

  const observations = [];
  const findings = [];
  for (const item of items) {
    const entry = library.nodes.get(item.requirement_urn);
    const nodeId = entry?.node.id ?? item.requirement_urn.split(":").slice(4).join(":");
    const label = entry ? [entry.node.ref.label, entry.node.title].filter((t): t is Text => t !== undefined).map(bothLanguages).join(" — ") : nodeId;
    const status = item.effective as ItemStatus;
    const controls = data.controlsByUrn.get(item.requirement_urn) ?? [];
    const source = item.answer ? (item.answer_source ?? "person") : combineControls(controls.map((c) => c.status)) ? "controls" : "none";
    const linked: { e: EvidenceRow; via: string; control?: string }[] = [
      ...(data.evidenceByTarget.get(item.id) ?? []).map((e) => ({ e, via: "item" })),
      ...controls.flatMap((c) => (data.evidenceByTarget.get(c.id) ?? []).map((e) => ({ e, via: "control", control: c.code }))),
    ];
    const observationUuid = stableUuid("observation", item.id);
    const statusText = `${words(STATUS_WORDS[status].ja!, STATUS_WORDS[status].en!)} (${words(SOURCE_WORDS[source]!.ja!, SOURCE_WORDS[source]!.en!)})`;
    const remarks = [item.justification ? `Justification / 理由: ${toMarkup(item.justification)}` : undefined, item.comment ? `Comment / コメント: ${toMarkup(item.comment)}` : undefined].filter((r) => r !== undefined);
    observations.push(
      compact({
        uuid: observationUuid,
        title: toMarkup(oneLine(label)),
        description: toMarkup(statusText),
        props: [
          ...musubiProp("status", status),
          ...musubiProp("answer-source", source),
          ...musubiProp("urn", item.requirement_urn),
          ...controls.flatMap((c) => musubiProp("mapped-control", `${c.code} ${c.title_ja || c.title_en}`, c.status)),
        ],
        // Musubi does not record how a person reached an answer (examination, interview, test).
        methods: ["UNKNOWN"],
        types: ["control-objective"],
        subjects: [{ "subject-uuid": componentUuid, type: "component", title: toMarkup(oneLine(systemName)) }],
        "relevant-evidence": linked.map(({ e, via, control }) =>
          compact({
            href: `#${resourceOf(e)}`,
            description: toMarkup(oneLine(e.title) || e.kind),
            props: [...musubiProp("linked-via", via), ...musubiProp("control", control)],
          }),
        ),
        collected: instant(item.answered_at ?? item.updated_at),
        remarks: remarks.length ? remarks.join("\n\n") : undefined,
      }),
    );
    const oscal = STATUS_TO_OSCAL[status];
    findings.push(
      compact({
        uuid: stableUuid("finding", item.id),
        title: toMarkup(oneLine(label)),
        description: toMarkup(statusText),
        props: [...musubiProp("status", status), ...musubiProp("status-mapping", "musubi-interpretation"), ...musubiProp("due-date", item.due_date ?? undefined)],
        target: compact({
          type: "objective-id",
          "target-id": toToken(nodeId),
          status: { state: oscal.state, reason: oscal.reason },
          "implementation-status": oscal.implementation ? { state: oscal.implementation } : undefined,
        }),
        "related-observations": [{ "observation-uuid": observationUuid }],
      }),
    );
  }

  const catalogResource: OscalResource = {
    uuid: stableUuid("catalog-ref", a.framework_id, a.framework_version),
    title: toMarkup(oneLine(`${bothLanguages(fwName)} (${a.framework_version})`)),
    props: [...musubiProp("resource-kind", "catalog"), ...musubiProp("framework", a.framework_id), ...musubiProp("version", a.framework_version)],
    rlinks: [{ href: `/api/oscal/catalogs/${encodeURIComponent(a.framework_id)}?version=${encodeURIComponent(a.framework_version)}`, "media-type": "application/json" }],
  };
  const noPlan: OscalResource = {
    uuid: stableUuid("no-assessment-plan", a.id),
    title: "No separate assessment plan / 個別の評価計画なし",
    remarks: toMarkup(
      "Musubi keeps no OSCAL assessment plan: the scope of the assessment is the framework's requirements that apply to the system's profile (Musubi's applicability rules), listed in reviewed-controls.\n\n" +
        "Musubi は OSCAL の評価計画を持たない。評価の範囲は、システムのプロファイルに適用される枠組みの要求事項（Musubi の適用判定ルール）であり、reviewed-controls に列挙する。",
    ),
  };
  const evidenceResources: OscalResource[] = [...evidence.values()].map((e) =>
    compact({
      uuid: stableUuid("evidence", e.id),
      title: toMarkup(oneLine(e.title) || e.kind),
      description: e.note.trim() ? toMarkup(e.note) : undefined,
      props: [
        ...oscalProp("type", "evidence"),
        ...musubiProp("evidence-kind", e.kind),
        ...musubiProp("file-name", e.file_name ?? undefined),
        ...musubiProp("valid-from", e.valid_from ?? undefined),
        ...musubiProp("valid-until", e.valid_until ?? undefined),
      ],
      rlinks: e.url
        ? [{ href: e.url }]
        : e.file_sha256
          ? [compact({ href: `/api/evidence/${encodeURIComponent(e.id)}/file`, "media-type": e.media_type ?? undefined, hashes: [{ algorithm: "SHA-256", value: e.file_sha256 }] })]
          : undefined,
    }),
  );

  const lastModified = [a.updated_at, ...items.map((i) => i.updated_at)].map(instant).sort().at(-1)!;
  const orgParty = { uuid: stableUuid("org", org.id), type: "organization" as const, name: oneLine(words(org.nameJa, org.nameEn)) };
  const title = `${bothLanguages(fwName)} — ${systemName}`;
  return {
    "assessment-results": {
      uuid: stableUuid("assessment-results", a.id, contentDigest([a, items, [...data.controlsByUrn], [...data.evidenceByTarget]])),
      metadata: {
        title: toMarkup(oneLine(`評価結果 / Assessment results: ${title}`)),
        "last-modified": lastModified,
        version: String(a.version),
        "oscal-version": "1.2.1",
        props: [...musubiProp("framework", a.framework_id), ...musubiProp("framework-version", a.framework_version), ...musubiProp("library-digest", a.library_digest)],
        roles: [{ id: "creator", title: "Document creator" }],
        parties: [orgParty],
        "responsible-parties": [{ "role-id": "creator", "party-uuids": [orgParty.uuid] }],
      },
      "import-ap": { href: `#${noPlan.uuid}`, remarks: "Musubi keeps no separate assessment plan; see the back-matter resource." },
      results: [
        compact({
          uuid: stableUuid("result", a.id),
          title: toMarkup(oneLine(title)),
          description: toMarkup(
            `Musubi で記録した、AIシステム「${system.name_ja}」の ${fwName.ja ?? fwName.en} に対する自己評価。適用される要求事項ごとに所見と観察を1件ずつ示す。\n\n` +
              `Self-assessment of the AI system "${system.name_en}" against ${fwName.en ?? fwName.ja}, as recorded in Musubi: one finding and one observation per applicable requirement.`,
          ),
          start: instant(a.created_at),
          end: a.signed_off_at ? instant(a.signed_off_at) : undefined,
          props: [...musubiProp("signed-off", a.signed_off_at ? "true" : "false"), ...musubiProp("signed-off-at", a.signed_off_at ? instant(a.signed_off_at) : undefined)],
          links: [{ href: `#${catalogResource.uuid}`, rel: "reference", text: "catalog" }],
          "local-definitions": {
            components: [
              compact({
                uuid: componentUuid,
                type: "this-system",
                title: toMarkup(oneLine(systemName)),
                description: toMarkup(system.purpose.trim() || systemName),
                props: [...musubiProp("system-code", system.code), ...musubiProp("lifecycle", system.lifecycle)],
                status: { state: LIFECYCLE_STATE[system.lifecycle] ?? "other" },
              }),
            ],
          },
          "reviewed-controls": {
            "control-selections": [
              items.length
                ? { "include-controls": items.map((i) => ({ "control-id": toToken(library.nodes.get(i.requirement_urn)?.node.id ?? i.requirement_urn.split(":").slice(4).join(":")) })) }
                : { "include-all": {}, remarks: "No requirement of the framework applies to the system as its profile stands. / システムの現在のプロファイルでは、この枠組みの要求事項は適用されない。" },
            ],
          },
          observations,
          findings,
        }),
      ],
      "back-matter": { resources: [noPlan, catalogResource, ...evidenceResources] },
    },
  };
}
