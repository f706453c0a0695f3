import type { Hono } from "hono";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { AGENT_HEADER } from "../auth/authenticate.ts";
import { VERSION } from "../platform/version.ts";

/** How an agent is named in the ledger: every change it makes is recorded as the token's user "via MCP agent". */
export const MCP_AGENT = "MCP agent";

/**
 * Musubi's operations as tools of a Model Context Protocol server (issue 18). Each tool is one API
 * call made in-process with the person's API token, so it goes through the same pipeline as any
 * other — authentication, the role's permissions, validation, the ledger — and an agent can do
 * exactly what the token's role may, no more. Its changes are marked as made by an agent.
 */
export function musubiMcp(app: Hono, token: string): McpServer {
  const server = new McpServer({ name: "musubi", version: VERSION });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, [AGENT_HEADER]: MCP_AGENT, "accept-language": "en", ...(body !== undefined && { "content-type": "application/json" }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    // A refusal is the tool's error, with the API's own words: the agent sees why (e.g. its role may not).
    return { content: [{ type: "text" as const, text }], ...(res.status >= 400 && { isError: true }) };
  };
  const query = (params: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    return q.size ? `?${q}` : "";
  };

  server.registerTool(
    "list_systems",
    { title: "List AI systems", description: "The organisation's AI inventory, searched (Japanese or English) and paged: code, names, lifecycle, EU AI Act class, owners.", inputSchema: { q: z.string().max(200).optional(), limit: z.number().int().min(1).max(100).optional(), offset: z.number().int().min(0).optional() } },
    ({ q, limit, offset }) => call("GET", `/api/systems${query({ q, limit, offset })}`),
  );
  server.registerTool(
    "get_system",
    { title: "Read an AI system", description: "One AI system with its profile, the frameworks that apply to it and why, owners and vendors.", inputSchema: { id: z.string().min(1).max(100) } },
    ({ id }) => call("GET", `/api/systems/${encodeURIComponent(id)}`),
  );
  server.registerTool(
    "evaluate_applicability",
    { title: "Which rules apply", description: "Evaluates the facts of an AI system (the answers to GET /api/applicability/questions) on a date: the frameworks and requirements that apply on that date (today by default), each with the reason. Stores nothing.", inputSchema: { facts: z.record(z.string(), z.unknown()), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() } },
    ({ facts, asOf }) => call("POST", "/api/applicability/evaluate", { facts, ...(asOf && { asOf }) }),
  );
  server.registerTool(
    "list_risks",
    { title: "List risks", description: "The organisation's risk register, highest rating first.", inputSchema: { systemId: z.string().max(100).optional(), limit: z.number().int().min(1).max(100).optional() } },
    ({ systemId, limit }) => call("GET", `/api/risks${query({ systemId, limit })}`),
  );
  server.registerTool(
    "draft_risk",
    { title: "Register a risk", description: "Registers a risk of an AI system with its inherent likelihood and impact (1–5). Recorded in the ledger as made by an agent.", inputSchema: { systemId: z.string().min(1).max(100), titleJa: z.string().min(1).max(500), titleEn: z.string().min(1).max(500), inherentLikelihood: z.number().int().min(1).max(5), inherentImpact: z.number().int().min(1).max(5) } },
    (input) => call("POST", "/api/risks", input),
  );
  server.registerTool(
    "draft_incident",
    { title: "File an incident", description: "Files an incident (open) for people to investigate. Recorded in the ledger as made by an agent.", inputSchema: { title: z.string().min(1).max(500), summary: z.string().max(20_000).optional(), severity: z.enum(["low", "medium", "high", "critical"]).optional(), systemIds: z.array(z.string().max(100)).max(50).optional() } },
    (input) => call("POST", "/api/incidents", input),
  );
  server.registerTool(
    "read_ledger",
    { title: "Read the audit ledger", description: "The organisation's ledger of changes, newest first: who decided what, when.", inputSchema: { limit: z.number().int().min(1).max(100).optional(), entityType: z.string().max(40).optional() } },
    ({ limit, entityType }) => call("GET", `/api/audit${query({ limit, entityType })}`),
  );
  return server;
}
