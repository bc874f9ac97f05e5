import { z } from "zod";
import { isValidTimeZone } from "../lib/clock.js";
import { AppError } from "../lib/errors.js";
import { TOPIC_SLUGS, type TopicSlug } from "../topics/taxonomy.js";

/** Validation for everything a reader can set, shared by the CLI, the web forms and the service. */
export const EmailAddress = z
  .string()
  .trim()
  .max(254, "is too long")
  .refine((v) => !/[\r\n\s]/.test(v), "must not contain spaces or line breaks")
  .pipe(z.email("is not a valid email address"))
  .transform((v) => v.toLowerCase());

const Keyword = z
  .string()
  .trim()
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters
  .refine((v) => !/[\u0000-\u001f]/.test(v), "must not contain control characters")
  .pipe(z.string().min(2, "is too short").max(60, "is too long"));

export const PreferencesPatch = z.object({
  topics: z
    .array(z.enum(TOPIC_SLUGS))
    .max(TOPIC_SLUGS.length)
    .transform((list) => [...new Set(list)])
    .optional(),
  keywords: z
    .array(Keyword)
    .max(30, "at most 30 keywords")
    .transform((list) => [...new Set(list)])
    .optional(),
  frequency: z.enum(["daily", "weekly"]).optional(),
  weekday: z.number().int().min(0).max(6).optional(),
  sendHour: z.number().int().min(0).max(23).optional(),
  timeZone: z.string().refine(isValidTimeZone, "is not an IANA time zone").optional(),
  relevanceWeight: z.number().min(0).max(1).optional(),
  alsoTrending: z.boolean().optional(),
});
export type PreferencesPatch = z.infer<typeof PreferencesPatch>;

export function parseEmail(value: unknown): string {
  const result = EmailAddress.safeParse(value);
  if (!result.success) {
    throw new AppError("VALIDATION_FAILED", `email ${result.error.issues[0]?.message ?? "is not valid"}`, {
      details: { field: "email" },
    });
  }
  return result.data;
}

export function parsePreferences(value: unknown): PreferencesPatch {
  const result = PreferencesPatch.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = String(issue.path[0] ?? "preferences");
    throw new AppError("VALIDATION_FAILED", `${field} ${issue.message}`, { details: { field } });
  }
  return result.data;
}

/** "a, b,c" -> ["a", "b", "c"] */
export function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export type { TopicSlug };
