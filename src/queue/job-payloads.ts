import { z } from "zod";
import { AppError } from "../lib/errors.js";

/**
 * Job payloads carry ids only; workers refetch what they need. Each queue's
 * payload schema lives here so producers and workers agree.
 */
export const QUEUE_NAMES = {
  /** One job per delivery: rank, render, send. */
  send: "send",
  /** Transactional mail: confirmation, welcome, goodbye. */
  mail: "mail",
  /** Plans due deliveries (scheduled) and sweeps stale ones. */
  plan: "plan",
  /** Ingest runs per source (scheduled). */
  ingest: "ingest",
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export const SendJob = z.object({ deliveryId: z.string().min(1) });
export type SendJob = z.infer<typeof SendJob>;

export const MailJob = z.object({
  kind: z.enum(["confirm", "welcome", "goodbye"]),
  readerId: z.string().min(1),
});
export type MailJob = z.infer<typeof MailJob>;

export const PlanJob = z.object({
  task: z.enum(["plan", "sweep"]).default("plan"),
});
export type PlanJob = z.infer<typeof PlanJob>;

export const IngestJob = z.object({
  source: z.enum(["hf", "arxiv"]),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type IngestJob = z.infer<typeof IngestJob>;

export function parsePayload<T>(schema: z.ZodType<T>, data: unknown, queue: string): T {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      `malformed ${queue} job payload: ${result.error.issues[0]?.message}`,
    );
  }
  return result.data;
}

/** BullMQ job ids may not contain ':'; ours are prefixes plus uuids. */
export const jobIds = {
  send: (deliveryId: string) => `delivery-${deliveryId}`,
  mail: (kind: string, readerId: string, bucket: string) => `mail-${kind}-${readerId}-${bucket}`,
};
