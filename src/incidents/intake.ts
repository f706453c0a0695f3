import { z } from "zod";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Actor } from "../platform/authz.ts";
import { createIncidentBody } from "./incidents.schema.ts";
import { addTimeline, announceBulkFiling, fileIncident } from "./incidents.service.ts";
import { fieldText } from "../platform/http/field-messages.ts";

const toolName = z.string().trim().min(1).max(40).regex(/^[a-z0-9_-]+$/i, fieldText("tool_name"));

/** One alert in Musubi's own shape: what any monitoring tool can be configured to send. */
const genericAlert = z.strictObject({
  externalId: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(300),
  summary: z.string().max(20000).default(""),
  severity: z.enum(["low", "medium", "high", "critical"]).default("medium"),
  status: z.enum(["firing", "resolved"]).default("firing"),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  /** The AI system's inventory code (AIS-000123), if the tool knows it. */
  systemCode: z.string().max(40).optional(),
});

/** Prometheus Alertmanager's webhook body (version 4), which many tools also speak. */
const alertmanager = z.object({
  version: z.string(),
  alerts: z.array(
    z.object({
      status: z.enum(["firing", "resolved"]),
      fingerprint: z.string().min(1).max(200),
      startsAt: z.string().optional(),
      labels: z.record(z.string(), z.string()).default({}),
      annotations: z.record(z.string(), z.string()).default({}),
    }),
  ).max(500),
});

export const intakeBody = z.union([
  z.strictObject({
    source: toolName,
    alerts: z.array(genericAlert).min(1).max(500),
    /** Bulk work: one summary notice (`incident.imported`) for the incidents filed, not one per incident. */
    quiet: z.boolean().default(false),
  }),
  alertmanager.extend({ source: toolName.default("alertmanager") }),
]);
export const intakeResult = z.object({ filed: z.array(z.string()), updated: z.array(z.string()) });

const SEVERITY: Record<string, "low" | "medium" | "high" | "critical"> = { info: "low", warning: "medium", error: "high", critical: "critical", page: "critical", low: "low", medium: "medium", high: "high" };

/** Normalises either shape to Musubi's generic alerts. */
function alertsOf(body: z.infer<typeof intakeBody>): z.infer<typeof genericAlert>[] {
  if ("version" in body) {
    return body.alerts.map((a) => ({
      externalId: a.fingerprint,
      title: a.annotations.summary ?? a.labels.alertname ?? a.fingerprint,
      summary: a.annotations.description ?? "",
      severity: SEVERITY[(a.labels.severity ?? "").toLowerCase()] ?? "medium",
      status: a.status,
      occurredAt: a.startsAt && !Number.isNaN(Date.parse(a.startsAt)) ? new Date(a.startsAt).toISOString() : undefined,
      systemCode: a.labels.musubi_system,
    }));
  }
  return body.alerts;
}

/**
 * Inbound alerts from monitoring tools. An alert seen for the first time files an incident; the
 * same alert again (same tool, same id) adds to that incident's timeline instead, so a flapping
 * alert or a retried delivery never files duplicates. All alerts of a call land together or not at all.
 */
export async function intakeAlerts(db: Db, actor: Actor, who: ChangeContext, body: z.infer<typeof intakeBody>): Promise<z.infer<typeof intakeResult>> {
  const source = `webhook:${body.source.toLowerCase()}`;
  const quiet = "quiet" in body && body.quiet;
  return audited(db, who, async (trx, record) => {
    const out = { filed: [] as string[], updated: [] as string[] };
    for (const a of alertsOf(body)) {
      const existing = await trx.selectFrom("incidents").select(["id", "code"]).where("org_id", "=", who.orgId).where("source", "=", source).where("external_key", "=", a.externalId).executeTakeFirst();
      if (existing) {
        await addTimeline(trx, who.orgId, existing.id, `alert_${a.status}`, `${a.title}${a.summary ? `\n${a.summary}` : ""}`, null);
        record({ action: "incident.alert_received", entityType: "incident", entityId: existing.id, after: { source, externalId: a.externalId, status: a.status } });
        out.updated.push(existing.code);
        continue;
      }
      const system = a.systemCode ? await trx.selectFrom("ai_systems").select("id").where("org_id", "=", who.orgId).where("code", "=", a.systemCode).executeTakeFirst() : undefined;
      const input = createIncidentBody.parse({ title: a.title, summary: a.summary, severity: a.severity, detectedAt: a.occurredAt, occurredAt: a.occurredAt ?? null, systemIds: system ? [system.id] : [] });
      const row = await fileIncident(trx, record, who.orgId, input, { source, externalKey: a.externalId, reportedBy: actor.label, authorId: null, quiet });
      out.filed.push(row.code);
    }
    if (quiet) await announceBulkFiling(trx, who.orgId, source, out.filed);
    return out;
  });
}
