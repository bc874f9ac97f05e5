import type { FastifyInstance } from "fastify";
import { SITE_CSS } from "../pages/site-css.js";
import { SITE_ICON_SVG } from "../pages/site-icon.js";
import { SITE_JS } from "../pages/site-js.js";

const ASSETS: Record<string, { type: string; body: string }> = {
  "/assets/site.css": { type: "text/css; charset=utf-8", body: SITE_CSS },
  "/assets/site.js": { type: "text/javascript; charset=utf-8", body: SITE_JS },
  "/assets/icon.svg": { type: "image/svg+xml", body: SITE_ICON_SVG },
  "/favicon.ico": { type: "image/svg+xml", body: SITE_ICON_SVG },
};

/** The stylesheet, the one script and the icon: small strings in memory, cached for an hour. */
export function registerAssetRoutes(app: FastifyInstance): void {
  for (const [path, asset] of Object.entries(ASSETS)) {
    app.get(path, async (_request, reply) =>
      reply.type(asset.type).header("Cache-Control", "public, max-age=3600").send(asset.body),
    );
  }
}
