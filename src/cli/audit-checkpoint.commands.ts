import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../platform/config.ts";
import { parsePublicKey, type TrustedKey } from "../audit/audit.keys.ts";
import { orgIdOf, out, withDatabase } from "./context.ts";

/** For repeatable options: `--checkpoint a.jsonl --checkpoint b.json`. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Keys given on the command line: a file holding a PEM or base64 key, or the base64 key itself. */
export function givenKeys(values: readonly string[]): TrustedKey[] {
  return values.map((v) => parsePublicKey(fs.existsSync(v) ? fs.readFileSync(v, "utf8") : v));
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A `--from`/`--to` value as stored timestamps compare: a date stays a date, a time becomes UTC ISO. */
function isoBound(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!ISO.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`${name} must be a date (YYYY-MM-DD) or an ISO-8601 time, got "${value}"`);
  return value.length === 10 ? value : new Date(value).toISOString();
}

/** `musubi audit checkpoint | key list | key rotate | export | verify-bundle`. */
export function registerAuditCheckpointCommands(audit: Command): void {
  audit
    .command("checkpoint")
    .description("sign each organisation's ledger head now (those that moved since their last checkpoint), and send it to subscribed witnesses")
    .option("--org <slug>", "one organisation only")
    .option("--json", "print the checkpoints as JSON")
    .action(async (o: { org?: string; json?: boolean }) => {
      await withDatabase(async (db, config) => {
        const { createCheckpoints } = await import("../audit/audit.checkpoint.service.ts");
        const { checkpointFile } = await import("../audit/audit.checkpoint-file.ts");
        const orgId = o.org ? await orgIdOf(db, o.org) : undefined;
        const run = await createCheckpoints(db, config.dataDir, orgId === undefined ? {} : { orgId });
        if (o.json) return out(JSON.stringify(run, null, 2));
        for (const c of run.signed) out(`signed  ${c.org}  #${c.seq} ${c.hash}`);
        out(`${run.signed.length} checkpoint(s) signed with key ${run.keyId}; ${run.skipped} organisation(s) unchanged since their last; kept in ${checkpointFile(config.dataDir)} and the ledger`);
      });
    });

  const key = audit.command("key").description("the instance's Ed25519 checkpoint signing key");
  key
    .command("list")
    .description("print every public key the instance signs or signed with (give them to auditors and witnesses)")
    .option("--json", "print as JSON")
    .action(async (o: { json?: boolean }) => {
      const { keysDir, listPublicKeys, publicKeyPem } = await import("../audit/audit.keys.ts");
      const dataDir = loadConfig().dataDir;
      const keys = listPublicKeys(dataDir);
      if (o.json) return out(JSON.stringify(keys.map((k) => ({ ...k, pem: publicKeyPem(k) })), null, 2));
      if (keys.length === 0) return out(`no signing key yet in ${keysDir(dataDir)}: the server creates one at start, as does \`musubi audit checkpoint\``);
      for (const k of keys) {
        out(`${k.keyId}  ${k.retiredAt ? `retired ${k.retiredAt}` : "active"}  created ${k.createdAt}  ${k.publicKey}`);
        out(publicKeyPem(k).trimEnd());
      }
    });
  key
    .command("rotate")
    .description("replace the signing key: old public keys are kept so old checkpoints still verify; the old private key is deleted")
    .action(async () => {
      const { rotateSigningKey } = await import("../audit/audit.keys.ts");
      const { retired, active } = rotateSigningKey(loadConfig().dataDir);
      out(retired ? `retired key ${retired.keyId}; signing with new key ${active.keyId}` : `created signing key ${active.keyId}`);
      out(`public key (base64): ${active.publicKey}`);
    });

  audit
    .command("export")
    .description("write an organisation's ledger (or a time range of it) as a signed bundle an auditor verifies offline with `musubi audit verify-bundle`")
    .requiredOption("--org <slug>", "the organisation")
    .option("--from <iso>", "first entry at or after this date or time")
    .option("--to <iso>", "entries before this date or time")
    .requiredOption("--out <file>", "the bundle to write (JSON lines)")
    .action(async (o: { org: string; from?: string; to?: string; out: string }) => {
      const from = isoBound(o.from, "--from");
      const to = isoBound(o.to, "--to");
      await withDatabase(async (db, config) => {
        const { exportBundle } = await import("../audit/audit.bundle-export.ts");
        const orgId = await orgIdOf(db, o.org);
        const r = await exportBundle(db, { orgId, from, to, out: path.resolve(o.out), dataDir: config.dataDir });
        const tail = r.through > r.lastSeq ? ` (and #${r.lastSeq + 1}–#${r.through}, up to the checkpoint that covers the range)` : "";
        out(`wrote ${path.resolve(o.out)}: entries #${r.firstSeq}–#${r.lastSeq}${tail}, ${r.entries} entries, ${r.checkpoints} checkpoint(s), ${r.bytes} bytes`);
      });
    });

  audit
    .command("verify-bundle <file>")
    .description("verify an exported bundle offline (no database): seal, chain, checkpoints; exit 1 when anything fails")
    .option("--public-key <key>", "a public key you trust (PEM or base64 file, or base64); repeatable. Without it the bundle's own keys are used", collect, [])
    .option("--json", "print the report as JSON")
    .action(async (file: string, o: { publicKey: string[]; json?: boolean }) => {
      const { verifyBundle } = await import("../audit/audit.bundle-verify.ts");
      const report = verifyBundle(path.resolve(file), givenKeys(o.publicKey));
      if (o.json) out(JSON.stringify(report, null, 2));
      else {
        for (const p of report.problems) out(`BROKEN  ${p.reason}${p.seq !== undefined ? ` at #${p.seq}` : ""} (line ${p.line}): expected ${p.expected}, found ${p.found}`);
        const keys = report.keys.map((k) => k.keyId).join(", ") || "none";
        const from = report.keys[0]?.from === "given" ? "given" : "taken from the bundle itself — compare them with keys you hold, or pass --public-key";
        const latest = report.checkpoints.latest ? `latest #${report.checkpoints.latest.seq} of ${report.checkpoints.latest.time}` : "none";
        out(`keys: ${keys} (${from})`);
        out(`checkpoints: ${report.checkpoints.held} of ${report.checkpoints.total} hold (${latest}); ${report.afterLastCheckpoint} entries after the last are covered by the export's seal only`);
        out(`${report.ok ? "bundle verified" : "BUNDLE BROKEN"}: ${report.org?.slug ?? "?"} entries #${report.firstSeq}–#${report.lastSeq} (${report.entries}), sealed ${report.seal?.time ?? "?"}`);
      }
      if (!report.ok) process.exitCode = 1;
    });
}
