import type { Command } from "commander";
import { checkpointIfDue } from "../audit/audit.checkpoint.service.ts";
import { deliveryChannels, emailSender, runDailyWork } from "../jobs.ts";
import { deliverDue } from "../notify/outbox.worker.ts";
import { getLibrary } from "../library/library.runtime.ts";
import { parseOutboundAllow } from "../platform/outbound.ts";
import { reclassifyStale } from "../systems/systems.reclassify.ts";
import { out, withDatabase } from "./context.ts";

export function registerJobsCommands(program: Command): void {
  const jobs = program.command("jobs").description("background work: systems classified again after a library update, recurring reviews, escalations, ledger checkpoints, notification deliveries");
  jobs
    .command("run")
    .description("run every job once now (for cron, when the server's own jobs are off with MUSUBI_BACKGROUND_JOBS=0)")
    .action(async () => {
      await withDatabase(async (db, config) => {
        const reclassified = await reclassifyStale(db, getLibrary());
        const daily = await runDailyWork(db);
        // Before deliveries, so that witnesses receive a checkpoint signed in this run.
        const checkpoints = config.auditCheckpointMinutes > 0 ? await checkpointIfDue(db, config.dataDir, config.auditCheckpointMinutes * 60_000) : undefined;
        const outbound = parseOutboundAllow(config.outboundAllow);
        const sent = await deliverDue(db, { sendEmail: emailSender(config), limit: 1000, outbound, channels: deliveryChannels(db, config, outbound) });
        out(`systems classified again under the current library: ${reclassified.systems} (${reclassified.changed} changed)`);
        out(`review tasks created: ${daily.reviews}; approval steps escalated: ${daily.escalatedSteps}; tasks escalated: ${daily.escalatedTasks}`);
        out(`ledger checkpoints: ${checkpoints ? `${checkpoints.signed.length} signed` : "not due"}`);
        out(`deliveries: ${sent.delivered} delivered, ${sent.retried} to retry, ${sent.failed} failed`);
      });
    });
}
