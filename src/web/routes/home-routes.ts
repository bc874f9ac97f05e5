import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isValidTimeZone } from "../../lib/clock.js";
import { AppError, isAppError } from "../../lib/errors.js";
import { parseEmail, parsePreferences } from "../../subscriptions/reader-preferences.js";
import type { SubscribeInput } from "../../subscriptions/subscription-service.js";
import { isTopicSlug } from "../../topics/taxonomy.js";
import { CSRF_FIELD } from "../csrf.js";
import { asForm, type FormBody, field, fields, splitKeywords } from "../form-body.js";
import { httpStatusFor } from "../http-errors.js";
import { HONEYPOT_FIELD } from "../pages/form-parts.js";
import { checkInboxPage, homePage, type SubscribeFormValues } from "../pages/home-page.js";
import { sendPage } from "../send-page.js";
import type { WebDeps } from "../web-deps.js";

/** The CSRF scope of every form that posts to /subscribe. */
export const SUBSCRIBE_SCOPE = "subscribe";

/**
 * `/` and `POST /subscribe`. Whatever the address (new, pending, subscribed,
 * suppressed, or a bot filling the honeypot), an accepted post gets the same
 * status and the same page, after at least subscribeMinMs, so the form tells
 * nobody who subscribes. Only problems with the input itself (visible to the
 * sender anyway) and rate limits answer differently.
 */
export function registerHomeRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { ctx, csrf, limiter } = deps;

  app.get("/", async (request, reply) =>
    sendPage(reply, homePage(csrf.token(request, reply, SUBSCRIBE_SCOPE))),
  );

  app.post("/subscribe", async (request, reply) => {
    const body = asForm(request.body);
    csrf.verify(request, SUBSCRIBE_SCOPE, field(body, CSRF_FIELD));
    await limiter.consume(
      "subscribe-ip",
      request.ip,
      deps.subscribeLimits.perIp,
      "Too many sign-ups from your network. Please try again later.",
    );
    const started = Date.now();
    const answer = async (email: string) => {
      const wait = deps.subscribeMinMs - (Date.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return sendPage(reply, checkInboxPage(email, ctx.config.subscriptions.confirmTtlHours));
    };

    const values = readSubscribeForm(body);
    if (field(body, HONEYPOT_FIELD)) {
      ctx.logger.info({ ip: request.ip }, "subscribe: honeypot filled; pretending");
      return answer(values.email);
    }
    const freshLink = field(body, "form") === "fresh-link";
    let input: SubscribeInput;
    try {
      input = freshLink ? { email: parseEmail(values.email) } : subscribeInput(values, body);
      await limiter.consume(
        "subscribe-address",
        input.email,
        deps.subscribeLimits.perAddress,
        "This address was submitted too often. Please try again in an hour.",
      );
      await deps.domainCheck?.assertDeliverable(input.email);
    } catch (error) {
      if (!freshLink && isAppError(error, "VALIDATION_FAILED"))
        return formError(reply, deps, request, values, error);
      throw error;
    }

    const result = await ctx.subscriptions.subscribe(input);
    if (result.outcome === "already-active") {
      // A subscribed reader asking again most likely lost their links: mail the
      // preference link (the welcome email), at most once an hour per reader.
      const hour = Math.floor(ctx.clock.now().getTime() / 3_600_000);
      await ctx.queues.enqueueMail({ kind: "welcome", readerId: result.reader.id }, `links-${hour}`);
    }
    ctx.logger.info(
      { readerId: result.reader.id, outcome: result.outcome, confirmationSent: result.confirmationSent },
      "subscribe request",
    );
    return answer(input.email);
  });
}

function readSubscribeForm(body: FormBody): SubscribeFormValues {
  const frequency = field(body, "frequency") === "weekly" ? "weekly" : "daily";
  return {
    email: (field(body, "email") ?? "").slice(0, 320),
    topics: [...new Set(fields(body, "topics").filter(isTopicSlug))],
    keywords: (field(body, "keywords") ?? "").slice(0, 1000),
    frequency,
  };
}

/** The validated subscription; VALIDATION_FAILED says what is wrong, for the form to show. */
function subscribeInput(values: SubscribeFormValues, body: FormBody): SubscribeInput {
  const email = parseEmail(values.email);
  if (values.topics.length === 0) {
    throw new AppError("VALIDATION_FAILED", "Pick at least one topic.", { details: { field: "topics" } });
  }
  const zone = field(body, "timeZone");
  const prefs = parsePreferences({
    topics: values.topics,
    keywords: splitKeywords(values.keywords),
    frequency: values.frequency,
    ...(zone && zone.length < 64 && isValidTimeZone(zone) ? { timeZone: zone } : {}),
  });
  return { email, ...prefs };
}

function formError(
  reply: FastifyReply,
  deps: WebDeps,
  request: FastifyRequest,
  values: SubscribeFormValues,
  error: AppError,
) {
  const fieldName = error.details.field;
  const message =
    fieldName === "email" && error.message.startsWith("email ")
      ? "Please enter a valid email address, like name@example.org."
      : fieldName === "keywords"
        ? "Each keyword needs 2 to 60 characters, and there can be at most 30."
        : error.message;
  const token = deps.csrf.token(request, reply, SUBSCRIBE_SCOPE);
  return sendPage(reply, homePage(token, values, message), httpStatusFor(error.code));
}
