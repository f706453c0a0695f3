import type { Command } from "commander";
import { emailSender, runDailyWork } from "../jobs.ts";
import { deliverDue } from "../notify/outbox.worker.ts";
import { out, withDatabase } from "./context.ts";

export function registerJobsCommands(program: Command): void {
  const jobs = program.command("jobs").description("background work: recurring reviews, escalations, notification deliveries");
  jobs
    .command("run")
    .description("run every job once now (for cron, when the server's own jobs are off with MUSUBI_BACKGROUND_JOBS=0)")
    .action(async () => {
      await withDatabase(async (db, config) => {
        const daily = await runDailyWork(db);
        const sent = await deliverDue(db, { sendEmail: emailSender(config), limit: 1000 });
        out(`review tasks created: ${daily.reviews}; approval steps escalated: ${daily.escalatedSteps}; tasks escalated: ${daily.escalatedTasks}`);
        out(`deliveries: ${sent.delivered} delivered, ${sent.retried} to retry, ${sent.failed} failed`);
      });
    });
}
