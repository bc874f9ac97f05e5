import type { Queues } from "./queues.js";

export interface ScheduleSettings {
  ingestHf: string;
  ingestArxiv: string;
  plan: string;
  timeZone: string;
}

/**
 * Registers the recurring jobs as BullMQ job schedulers (node-cron syntax).
 * upsertJobScheduler is idempotent by scheduler id, so any number of processes
 * can call this and each job is still scheduled once.
 */
export async function registerSchedules(queues: Queues, schedules: ScheduleSettings): Promise<string[]> {
  const tz = schedules.timeZone;
  await queues.ingest.upsertJobScheduler(
    "ingest-hf",
    { pattern: schedules.ingestHf, tz },
    { name: "ingest", data: { source: "hf" } },
  );
  await queues.ingest.upsertJobScheduler(
    "ingest-arxiv",
    { pattern: schedules.ingestArxiv, tz },
    { name: "ingest", data: { source: "arxiv" } },
  );
  await queues.plan.upsertJobScheduler(
    "plan",
    { pattern: schedules.plan, tz },
    { name: "plan", data: { task: "plan" } },
  );
  await queues.plan.upsertJobScheduler(
    "sweep",
    { pattern: "*/5 * * * *", tz },
    { name: "sweep", data: { task: "sweep" } },
  );
  return ["ingest-hf", "ingest-arxiv", "plan", "sweep"];
}
