import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Reader } from "../../generated/prisma/client.js";
import { isAppError } from "../../lib/errors.js";
import { readFeedbackWeights } from "../../subscriptions/feedback-service.js";
import { CSRF_FIELD } from "../csrf.js";
import { buildDigestPreview, type DigestPreview } from "../digest-preview.js";
import { asForm, field } from "../form-body.js";
import { httpStatusFor } from "../http-errors.js";
import { describeChanges } from "../pages/preference-changes.js";
import { preferencesPage } from "../pages/preferences-page.js";
import { readPreferencesForm } from "../preferences-form.js";
import { sendPage } from "../send-page.js";
import type { WebDeps } from "../web-deps.js";
import { SUBSCRIBE_SCOPE } from "./home-routes.js";

type TokenParams = { Params: { token: string } };

let zones: readonly string[] | undefined;
/** Every IANA zone the runtime knows, UTC first. */
export function timeZones(): readonly string[] {
  zones ??= Object.freeze(["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")]);
  return zones;
}

/**
 * `/preferences/<token>`, the signed link in every email: topics in order,
 * keywords, schedule, ranking knobs, pause/resume, learned feedback, and a
 * preview of tomorrow's digest. Every form posts back here with a CSRF field
 * scoped to the reader; the answer is the page again, saying what changed.
 */
export function registerPreferencesRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { ctx, csrf } = deps;
  const { signer, subscriptions } = ctx;

  const render = async (
    request: FastifyRequest<TokenParams>,
    reply: FastifyReply,
    reader: Reader,
    extra: { saved?: string[]; note?: string; error?: string; status?: number } = {},
  ) =>
    sendPage(
      reply,
      preferencesPage({
        reader,
        action: `/preferences/${request.params.token}`,
        csrfToken: csrf.token(request, reply, `preferences:${reader.id}`),
        subscribeCsrfToken: csrf.token(request, reply, SUBSCRIBE_SCOPE),
        timeZones: timeZones(),
        preview: await preview(deps, reader),
        feedback: readFeedbackWeights(reader.feedbackWeights),
        unsubscribeUrl: ctx.links.unsubscribe(reader.id),
        ...extra,
      }),
      extra.status,
    );

  /** Verifies the link and the form's CSRF field; returns the reader id. */
  const authorise = (request: FastifyRequest<TokenParams>): string => {
    const readerId = signer.verify(request.params.token, "preferences");
    csrf.verify(request, `preferences:${readerId}`, field(asForm(request.body), CSRF_FIELD));
    return readerId;
  };

  app.get<TokenParams>("/preferences/:token", async (request, reply) => {
    const readerId = signer.verify(request.params.token, "preferences");
    return render(request, reply, await subscriptions.get(readerId));
  });

  app.post<TokenParams>("/preferences/:token", async (request, reply) => {
    const readerId = authorise(request);
    const current = await subscriptions.get(readerId);
    try {
      const { patch } = readPreferencesForm(asForm(request.body), current);
      const { reader, changes } = await subscriptions.updatePreferences(readerId, patch);
      if (changes.length)
        ctx.logger.info({ readerId, fields: changes.map((c) => c.field) }, "preferences saved");
      return render(request, reply, reader, { saved: describeChanges(changes) });
    } catch (error) {
      if (!isAppError(error, "VALIDATION_FAILED")) throw error;
      return render(request, reply, current, { error: error.message, status: httpStatusFor(error.code) });
    }
  });

  app.post<TokenParams>("/preferences/:token/pause", async (request, reply) => {
    const readerId = authorise(request);
    const reader = await subscriptions.pause(readerId);
    const note =
      reader.status === "paused" ? "Your digest is paused. Nothing is sent until you resume it." : undefined;
    return render(request, reply, reader, note ? { note } : {});
  });

  app.post<TokenParams>("/preferences/:token/resume", async (request, reply) => {
    const readerId = authorise(request);
    const reader = await subscriptions.resume(readerId);
    const note = reader.status === "active" ? "Welcome back: your digest is running again." : undefined;
    return render(request, reply, reader, note ? { note } : {});
  });

  app.post<TokenParams>("/preferences/:token/feedback-reset", async (request, reply) => {
    const readerId = authorise(request);
    await deps.feedback.reset(readerId);
    return render(request, reply, await subscriptions.get(readerId), {
      note: "Your feedback is forgotten: digests follow your topics and keywords alone.",
    });
  });
}

async function preview(deps: WebDeps, reader: Reader): Promise<DigestPreview | undefined> {
  try {
    return await buildDigestPreview(deps.ctx.composer, reader, deps.ctx.clock.now());
  } catch (error) {
    deps.ctx.logger.warn({ readerId: reader.id, err: String(error) }, "preferences preview failed");
    return undefined;
  }
}
