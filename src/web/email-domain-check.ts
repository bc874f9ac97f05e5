import { promises as dns } from "node:dns";
import { AppError } from "../lib/errors.js";

/** The DNS lookups the check needs (node:dns/promises by default; tests pass their own). */
export interface MxResolver {
  resolveMx(domain: string): Promise<{ exchange: string; priority: number }[]>;
  resolve4(domain: string): Promise<string[]>;
  resolve6(domain: string): Promise<string[]>;
}

const NO_SUCH_DOMAIN = new Set(["ENOTFOUND", "ENODATA", "ENONAME", "NXDOMAIN"]);

/**
 * Optional check (SUBSCRIBE_CHECK_MX) that an address's domain can receive mail:
 * it has an MX record that is not a "null MX" (RFC 7505), or failing that an
 * A/AAAA record (the implicit MX of RFC 5321). Only a definite "no such record"
 * rejects; timeouts and server failures let the address through, so a DNS
 * hiccup never blocks a subscription.
 */
export class EmailDomainCheck {
  constructor(
    private readonly resolver: MxResolver = dns,
    private readonly timeoutMs = 3_000,
  ) {}

  /** Throws VALIDATION_FAILED when the domain definitely does not accept mail. */
  async assertDeliverable(email: string): Promise<void> {
    const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
    const verdict = await this.withTimeout(this.lookup(domain));
    if (verdict === "undeliverable") {
      throw new AppError(
        "VALIDATION_FAILED",
        "That address's domain does not accept email. Please check it.",
        {
          details: { field: "email" },
        },
      );
    }
  }

  private async lookup(domain: string): Promise<"deliverable" | "undeliverable" | "unknown"> {
    try {
      const records = await this.resolver.resolveMx(domain);
      const real = records.filter((r) => r.exchange !== "" && r.exchange !== ".");
      if (real.length > 0) return "deliverable";
      if (records.length > 0) return "undeliverable"; // null MX: the domain says it takes no mail
    } catch (error) {
      if (!isNoRecord(error)) return "unknown";
    }
    for (const resolve of [this.resolver.resolve4, this.resolver.resolve6]) {
      try {
        if ((await resolve.call(this.resolver, domain)).length > 0) return "deliverable";
      } catch (error) {
        if (!isNoRecord(error)) return "unknown";
      }
    }
    return "undeliverable";
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T | "unknown"> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"unknown">((resolve) => {
      timer = setTimeout(() => resolve("unknown"), this.timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

function isNoRecord(error: unknown): boolean {
  return NO_SUCH_DOMAIN.has(String((error as { code?: unknown })?.code));
}
