import formbody from "@fastify/formbody";
import Fastify, { type FastifyInstance } from "fastify";
import type { AppContext } from "../app/app-context.js";
import { isAppError } from "../lib/errors.js";
import { httpStatusFor, publicMessageFor } from "./http-errors.js";
import { multipartFields } from "./multipart-fields.js";
import { errorPage, notFoundPage } from "./pages/error-pages.js";
import { registerAdminRoutes } from "./routes/admin-routes.js";
import { registerAssetRoutes } from "./routes/asset-routes.js";
import { registerFeedbackRoutes } from "./routes/feedback-routes.js";
import { registerHealthRoutes } from "./routes/health-routes.js";
import { registerHomeRoutes, SUBSCRIBE_SCOPE } from "./routes/home-routes.js";
import { registerLinkRoutes } from "./routes/link-routes.js";
import { registerPreferencesRoutes } from "./routes/preferences-routes.js";
import { sendPage } from "./send-page.js";
import { createWebDeps, type WebServerOptions } from "./web-deps.js";

export type { WebServerOptions };

const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The HTTP server: reader pages (subscribe, confirm, preferences, feedback,
 * unsubscribe), "view in browser", health. Errors from services are mapped to
 * HTTP here and only here; readers see a page, never a stack trace.
 */
export async function createWebServer(
  ctx: AppContext,
  options: WebServerOptions = {},
): Promise<FastifyInstance> {
  // Signed tokens in paths run to a few hundred characters (fastify's default limit is 100).
  const app = Fastify({
    logger: false,
    // Fastify accepts a hop count at run time; its types list only the other forms.
    trustProxy: ctx.config.web.trustProxy as boolean | string[],
    bodyLimit: 64 * 1024,
    routerOptions: { maxParamLength: 2048 },
  });
  await app.register(formbody);
  // RFC 8058 one-click unsubscribe may arrive as multipart/form-data.
  app.addContentTypeParser(
    "multipart/form-data",
    { parseAs: "string", bodyLimit: 16 * 1024 },
    (request, body, done) =>
      done(null, multipartFields(String(body), String(request.headers["content-type"] ?? ""))),
  );
  const deps = createWebDeps(ctx, options);

  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
    reply.header("X-Frame-Options", "DENY");
    reply.header("Cross-Origin-Opener-Policy", "same-origin");
    reply.header("Cross-Origin-Resource-Policy", "same-origin");
    reply.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (!reply.getHeader("Content-Security-Policy")) reply.header("Content-Security-Policy", PAGE_CSP);
    // Pages carry CSRF fields and readers' data: never stored by a browser or proxy cache.
    if (
      !reply.getHeader("Cache-Control") &&
      String(reply.getHeader("Content-Type") ?? "").startsWith("text/html")
    ) {
      reply.header("Cache-Control", "no-store");
    }
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    const csrfToken = () => deps.csrf.token(request, reply, SUBSCRIBE_SCOPE);
    if (isAppError(error)) {
      const status = httpStatusFor(error.code);
      if (status >= 500)
        ctx.logger.error(
          { code: error.code, url: request.url.split("/").slice(0, 2).join("/") },
          error.message,
        );
      const retryAfter = error.details.retryAfterSeconds;
      if (error.code === "RATE_LIMITED" && typeof retryAfter === "number")
        reply.header("Retry-After", String(retryAfter));
      return sendPage(
        reply,
        errorPage(error.code, publicMessageFor(error.code, error.message), csrfToken()),
        status,
      );
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500)
      ctx.logger.error({ err: (error as Error).message, url: request.routeOptions.url }, "request failed");
    const message = status < 500 ? "That request was not understood." : publicMessageFor("INTERNAL", "");
    return sendPage(reply, errorPage(status < 500 ? undefined : "INTERNAL", message, csrfToken()), status);
  });
  app.setNotFoundHandler((_request, reply) => sendPage(reply, notFoundPage(), 404));

  registerAssetRoutes(app);
  registerHealthRoutes(app, ctx);
  registerHomeRoutes(app, deps);
  registerLinkRoutes(app, deps);
  registerPreferencesRoutes(app, deps);
  registerFeedbackRoutes(app, deps);
  await registerAdminRoutes(app, ctx);
  return app;
}
