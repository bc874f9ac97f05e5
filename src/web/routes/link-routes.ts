import type { FastifyInstance } from "fastify";
import { AppError } from "../../lib/errors.js";
import { CSRF_FIELD } from "../csrf.js";
import { asForm, field } from "../form-body.js";
import { confirmedPage, confirmPage, unsubscribedPage, unsubscribePage } from "../pages/link-pages.js";
import { sendPage } from "../send-page.js";
import type { WebDeps } from "../web-deps.js";
import { SUBSCRIBE_SCOPE } from "./home-routes.js";

type TokenParams = { Params: { token: string } };

/**
 * Routes reached from links in emails. GETs never change anything (link
 * scanners open them); the button on the page POSTs, with a CSRF field. The one
 * exception by design is RFC 8058 one-click unsubscribe: a POST with
 * `List-Unsubscribe=One-Click` unsubscribes at once, without cookies (mail
 * providers send it from their servers); the signed token is the authority.
 */
export function registerLinkRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { ctx, csrf } = deps;
  const { signer, subscriptions, links } = ctx;

  app.get<TokenParams>("/confirm/:token", async (request, reply) => {
    const readerId = signer.verify(request.params.token, "confirm");
    const reader = await subscriptions.get(readerId);
    if (reader.status === "active" || reader.status === "paused") {
      return sendPage(reply, confirmedPage(reader, links.preferences(readerId), true));
    }
    const token = csrf.token(request, reply, `confirm:${readerId}`);
    return sendPage(reply, confirmPage(reader, `/confirm/${request.params.token}`, token));
  });

  app.post<TokenParams>("/confirm/:token", async (request, reply) => {
    const readerId = signer.verify(request.params.token, "confirm");
    csrf.verify(request, `confirm:${readerId}`, field(asForm(request.body), CSRF_FIELD));
    const before = await subscriptions.get(readerId);
    const reader = await subscriptions.confirm(readerId);
    const alreadyActive = before.status === "active" || before.status === "paused";
    return sendPage(reply, confirmedPage(reader, links.preferences(readerId), alreadyActive));
  });

  app.get<TokenParams>("/unsubscribe/:token", async (request, reply) => {
    const readerId = signer.verify(request.params.token, "unsubscribe");
    const reader = await subscriptions.get(readerId);
    if (reader.status === "unsubscribed") {
      return sendPage(
        reply,
        unsubscribedPage(reader.email, csrf.token(request, reply, SUBSCRIBE_SCOPE), true),
      );
    }
    const token = csrf.token(request, reply, `unsubscribe:${readerId}`);
    return sendPage(
      reply,
      unsubscribePage(reader, `/unsubscribe/${request.params.token}`, token, links.preferences(readerId)),
    );
  });

  app.post<TokenParams>("/unsubscribe/:token", async (request, reply) => {
    const readerId = signer.verify(request.params.token, "unsubscribe");
    const body = asForm(request.body);
    const oneClick =
      field(body, "List-Unsubscribe") === "One-Click" ||
      (typeof request.body === "string" && request.body.trim() === "List-Unsubscribe=One-Click");
    if (!oneClick) csrf.verify(request, `unsubscribe:${readerId}`, field(body, CSRF_FIELD));
    const reader = await subscriptions.unsubscribe(readerId, { sendGoodbye: !oneClick });
    return sendPage(
      reply,
      unsubscribedPage(reader.email, csrf.token(request, reply, SUBSCRIBE_SCOPE), oneClick),
    );
  });

  app.get<TokenParams>("/digest/:token", async (request, reply) => {
    const deliveryId = signer.verify(request.params.token, "digest");
    const delivery = await ctx.db.prisma.delivery.findUnique({
      where: { id: deliveryId },
      include: { reader: true, edition: true },
    });
    if (delivery?.status !== "sent") throw new AppError("NOT_FOUND", "no such digest");
    const rendered = await ctx.composer.renderSent({
      id: delivery.id,
      plannedAt: delivery.plannedAt,
      editionDate: delivery.edition.date.toISOString().slice(0, 10),
      reader: delivery.reader,
    });
    if (!rendered) throw new AppError("NOT_FOUND", "this digest is empty");
    return reply
      .header(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      )
      .type("text/html; charset=utf-8")
      .send(rendered);
  });
}
