import type { AppContext } from "../app/app-context.js";
import { FeedbackService } from "../subscriptions/feedback-service.js";
import { CsrfProtection } from "./csrf.js";
import { EmailDomainCheck } from "./email-domain-check.js";
import { type RateLimit, RateLimiter } from "./rate-limiter.js";

export interface WebServerOptions {
  /** POST /subscribe limits per client IP and per address. */
  subscribeLimits?: { perIp: RateLimit; perAddress: RateLimit };
  /**
   * Every accepted POST /subscribe answers after at least this long, so the time
   * taken does not tell a new address from a known one.
   */
  subscribeMinMs?: number;
  /** An MX check to use whatever SUBSCRIBE_CHECK_MX says (tests pass one with a fake resolver). */
  domainCheck?: EmailDomainCheck;
}

export const DEFAULT_SUBSCRIBE_LIMITS = {
  perIp: { limit: 20, windowMs: 15 * 60_000 },
  perAddress: { limit: 5, windowMs: 60 * 60_000 },
} as const;
export const DEFAULT_SUBSCRIBE_MIN_MS = 350;

/** What the route modules share, built once per server from the AppContext. */
export interface WebDeps {
  ctx: AppContext;
  csrf: CsrfProtection;
  limiter: RateLimiter;
  feedback: FeedbackService;
  domainCheck: EmailDomainCheck | undefined;
  subscribeLimits: { perIp: RateLimit; perAddress: RateLimit };
  subscribeMinMs: number;
}

export function createWebDeps(ctx: AppContext, options: WebServerOptions = {}): WebDeps {
  return {
    ctx,
    csrf: new CsrfProtection(ctx.config.secrets.keys, {
      secureCookie: ctx.config.web.publicUrl.startsWith("https://"),
    }),
    limiter: new RateLimiter(ctx.redis, ctx.config.redis.prefix),
    feedback: new FeedbackService({ prisma: ctx.db.prisma, clock: ctx.clock, logger: ctx.logger }),
    domainCheck:
      options.domainCheck ?? (ctx.config.subscriptions.checkMx ? new EmailDomainCheck() : undefined),
    subscribeLimits: options.subscribeLimits ?? DEFAULT_SUBSCRIBE_LIMITS,
    subscribeMinMs: options.subscribeMinMs ?? DEFAULT_SUBSCRIBE_MIN_MS,
  };
}
