import type { FastifyInstance } from "fastify";
import { feedbackQuery } from "../../lib/links.js";
import { parseFeedbackLink } from "../../subscriptions/feedback-service.js";
import { CSRF_FIELD } from "../csrf.js";
import { asForm, field } from "../form-body.js";
import { feedbackConfirmPage, feedbackDonePage } from "../pages/feedback-page.js";
import { sendPage } from "../send-page.js";
import type { WebDeps } from "../web-deps.js";

type FeedbackRequest = { Params: { token: string }; Querystring: { paper?: string; vote?: string } };

/**
 * "More like this" / "fewer like this" links (`/feedback/<token>?paper=<id>&vote=more|less`,
 * the token bound to the reader; see Links.feedbackLinks).
 *
 * Why GET only shows a page and the button POSTs: mail security scanners
 * (Outlook Safe Links, Mimecast, Proofpoint, ...) open every link in a message
 * before the reader does. If GET applied the vote, each scanned digest would
 * cast both "more" and "fewer" for every paper, in whatever order the scanner
 * happened to follow them; idempotence would not help, because the two links of
 * a paper contradict each other. So a GET never changes anything; the one
 * button on the page POSTs (CSRF-checked) and the vote is recorded. Recording
 * is idempotent and the latest vote per paper wins (see FeedbackService), so a
 * double click or a changed mind does the right thing.
 */
export function registerFeedbackRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { ctx, csrf, feedback } = deps;

  const subjectOf = (request: { params: { token: string }; query: { paper?: string; vote?: string } }) =>
    parseFeedbackLink(ctx.signer.verify(request.params.token, "feedback"), request.query);

  app.get<FeedbackRequest>("/feedback/:token", async (request, reply) => {
    const { readerId, paperId, kind } = subjectOf(request);
    const target = await feedback.target(readerId, paperId, kind);
    return sendPage(
      reply,
      feedbackConfirmPage({
        paperTitle: target.paper.title,
        paperTopics: target.paper.topics,
        kind,
        // The form posts back to the link it was opened with.
        action: `/feedback/${request.params.token}${feedbackQuery(paperId, kind)}`,
        csrfToken: csrf.token(request, reply, `feedback:${readerId}`),
        oppositeUrl: ctx.links.feedback(readerId, paperId, kind === "more" ? "less" : "more"),
      }),
    );
  });

  app.post<FeedbackRequest>("/feedback/:token", async (request, reply) => {
    const { readerId, paperId, kind } = subjectOf(request);
    csrf.verify(request, `feedback:${readerId}`, field(asForm(request.body), CSRF_FIELD));
    const result = await feedback.record(readerId, paperId, kind);
    return sendPage(
      reply,
      feedbackDonePage({
        kind,
        changes: result.changes,
        repeated: result.repeated,
        preferencesUrl: ctx.links.preferences(readerId),
        oppositeUrl: ctx.links.feedback(readerId, paperId, kind === "more" ? "less" : "more"),
      }),
    );
  });
}
