import { checkpointIfDue } from "./audit/audit.checkpoint.service.ts";
import type { Db } from "./db/connect.ts";
import { refreshPlannerStatistics } from "./db/maintenance.ts";
import { deliverDue, type ChannelHandler, type SendEmail } from "./notify/outbox.worker.ts";
import { deliverOutgoing } from "./exchange/exchange.outgoing.ts";
import { exchangeEnvOf } from "./exchange/exchange.party.ts";
import { purgeSeen } from "./exchange/exchange.replay.ts";
import { markOverdueRequests } from "./oversight/requests.service.ts";
import { purgePublicReportCounts } from "./oversight/public-report.ts";
import type { OutboundPolicy } from "./platform/outbound.ts";
import { parseOutboundAllow } from "./platform/outbound.ts";
import { smtpSender } from "./notify/smtp.ts";
import type { Config } from "./platform/config.ts";
import type { Logger } from "./platform/logger.ts";
import { escalateOverdue } from "./workflow/escalation.ts";
import type { Library } from "./library/library.model.ts";
import { reclassifyStale } from "./systems/systems.reclassify.ts";
import { runAllSchedules } from "./workflow/schedules.service.ts";

const DELIVERY_EVERY_MS = 10_000;
const DAILY_WORK_EVERY_MS = 3_600_000;
const CHECKPOINT_CHECK_EVERY_MS = 60_000;

/** The e-mail sender when SMTP is configured. */
export function emailSender(config: Config): SendEmail | undefined {
  return config.smtpUrl ? smtpSender(config.smtpUrl, config.smtpFrom) : undefined;
}

/** The outbox channels beyond webhooks and e-mail: signed messages to authorities and organisations. */
export function deliveryChannels(db: Db, config: Config, outbound: OutboundPolicy): Record<string, ChannelHandler> {
  const env = exchangeEnvOf(db, config, outbound);
  return { exchange: (row) => deliverOutgoing(env, row) };
}

/** Planner statistics, recurring reviews and escalations: idempotent, so running them hourly (and at start) is safe. */
export async function runDailyWork(db: Db, logger?: Logger): Promise<{ reviews: number; escalatedSteps: number; escalatedTasks: number }> {
  await refreshPlannerStatistics(db);
  const reviews = await runAllSchedules(db);
  // Message ids old enough to be refused by their age anyway need not be remembered.
  await purgeSeen(db.kysely);
  await purgePublicReportCounts(db);
  const overdueRequests = await markOverdueRequests(db);
  if (overdueRequests) logger?.info({ overdueRequests }, "requests for information past their deadline");
  const { steps, tasks } = await escalateOverdue(db);
  if (reviews || steps || tasks) logger?.info({ reviews, escalatedSteps: steps, escalatedTasks: tasks }, "workflow jobs ran");
  return { reviews, escalatedSteps: steps, escalatedTasks: tasks };
}

/**
 * The server's background jobs: outbox deliveries every 10 s, recurring reviews and escalations
 * every hour, systems classified under an earlier library classified again (at start and hourly), signed ledger checkpoints every `MUSUBI_AUDIT_CHECKPOINT_MINUTES` (default hourly).
 * A run never overlaps the previous one of its kind; failures are logged and retried on the next tick. `MUSUBI_BACKGROUND_JOBS=0` turns them off (e.g. when a cron job runs
 * `musubi jobs run` instead, or several servers share one database).
 */
export function startJobs(db: Db, config: Config, logger: Logger, library?: Library): { stop(): void } {
  const sendEmail = emailSender(config);
  const guard = (name: string, work: () => Promise<unknown>) => {
    let running = false;
    return () => {
      if (running) return;
      running = true;
      work()
        .catch((err) => logger.error({ err, job: name }, "background job failed"))
        .finally(() => (running = false));
    };
  };
  const outbound = parseOutboundAllow(config.outboundAllow);
  const channels = deliveryChannels(db, config, outbound);
  const deliver = guard("deliveries", () => deliverDue(db, { sendEmail, logger, outbound, channels }));
  const daily = guard("workflow", () => runDailyWork(db, logger));
  const timers = [setInterval(deliver, DELIVERY_EVERY_MS), setInterval(daily, DAILY_WORK_EVERY_MS), setTimeout(daily, 5_000)];
  if (library) {
    // Systems classified under an earlier library are classified again soon after start.
    const reclassify = guard("reclassify", () => reclassifyStale(db, library, { logger }));
    timers.push(setTimeout(reclassify, 2_000), setInterval(reclassify, DAILY_WORK_EVERY_MS));
  }
  if (config.auditCheckpointMinutes > 0) {
    // Checked every minute; signs once the interval since the last checkpoint has passed.
    let lastRun = 0;
    const checkpoints = guard("checkpoints", async () => {
      const run = await checkpointIfDue(db, config.dataDir, config.auditCheckpointMinutes * 60_000, { lastRun });
      if (!run) return;
      lastRun = Date.now();
      if (run.signed.length) logger.info({ signed: run.signed.length, keyId: run.keyId }, "ledger checkpoints signed");
    });
    timers.push(setInterval(checkpoints, CHECKPOINT_CHECK_EVERY_MS));
  }
  for (const t of timers) t.unref();
  return { stop: () => timers.forEach((t) => clearInterval(t)) };
}
