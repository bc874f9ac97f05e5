import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";

/**
 * A browser-ish client over fastify's inject: keeps cookies between requests,
 * posts urlencoded forms and reads the CSRF field out of pages.
 */
export class WebClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress = "127.0.0.1",
  ) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.request({ method: "GET", url, headers });
  }

  /** Posts a form; values may repeat (arrays). */
  async post(
    url: string,
    form: Record<string, string | readonly string[]>,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.request({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      payload: encodeForm(form),
    });
  }

  /** GETs a page and returns the CSRF value of its first form (or of the form posting to `action`). */
  async csrfFrom(url: string, action?: string): Promise<string> {
    const page = await this.get(url);
    return csrfIn(page.body, action);
  }

  hasCookies(): boolean {
    return this.cookies.size > 0;
  }

  private async request(options: InjectOptions & { headers: Record<string, string> }) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await this.app.inject({
      ...options,
      remoteAddress: this.remoteAddress,
      headers: { ...(cookie ? { cookie } : {}), ...options.headers },
    });
    const setCookie = response.headers["set-cookie"];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return response;
  }
}

export function encodeForm(form: Record<string, string | readonly string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const v of typeof value === "string" ? [value] : value) params.append(key, v);
  }
  return params.toString();
}

/** The CSRF field of the first form in a page (or the form whose action is `action`). */
export function csrfIn(html: string, action?: string): string {
  let scope = html;
  if (action) {
    const start = html.indexOf(`action="${action}"`);
    if (start < 0) throw new Error(`no form posting to ${action}`);
    scope = html.slice(start);
  }
  const match = /name="csrf" value="([^"]+)"/.exec(scope);
  if (!match) throw new Error("no CSRF field in the page");
  return match[1]!;
}

/** The path of a signed link (tests talk to the server directly, not to PUBLIC_URL). */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/** A page's markup with the escaped characters put back, for asserting on prose. */
export function text(html: string): string {
  return html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
