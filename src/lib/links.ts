import type { TokenSigner } from "./tokens.js";

/**
 * Absolute, signed links for emails and pages. Every link that acts for a
 * reader carries a token bound to the reader and the purpose; all but
 * unsubscribe expire.
 */
export interface LinkSettings {
  publicUrl: string;
  confirmTtlHours: number;
  /** How long preference, feedback and view-in-browser links work. */
  linkTtlDays?: number;
  now?: () => Date;
}

/** The part of a feedback link that names the paper and the vote. */
export function feedbackQuery(paperId: string, kind: "more" | "less"): string {
  return `?paper=${encodeURIComponent(paperId)}&vote=${kind}`;
}

export class Links {
  private readonly ttlDays: number;
  private readonly now: () => Date;

  constructor(
    private readonly signer: TokenSigner,
    private readonly settings: LinkSettings,
  ) {
    this.ttlDays = settings.linkTtlDays ?? 90;
    this.now = settings.now ?? (() => new Date());
  }

  home(): string {
    return `${this.settings.publicUrl}/`;
  }

  confirm(readerId: string): string {
    const expiresAt = new Date(this.now().getTime() + this.settings.confirmTtlHours * 3_600_000);
    return this.url("confirm", this.signer.sign({ purpose: "confirm", subject: readerId, expiresAt }));
  }

  preferences(readerId: string): string {
    return this.url(
      "preferences",
      this.signer.sign({ purpose: "preferences", subject: readerId, expiresAt: this.later() }),
    );
  }

  /** Never expires: an old email must still be able to unsubscribe. */
  unsubscribe(readerId: string): string {
    return this.url("unsubscribe", this.signer.sign({ purpose: "unsubscribe", subject: readerId }));
  }

  viewInBrowser(deliveryId: string): string {
    return this.url(
      "digest",
      this.signer.sign({ purpose: "digest", subject: deliveryId, expiresAt: this.later() }),
    );
  }

  /**
   * A reader's "more / fewer like this" links. They share one token, bound to
   * the reader; the paper and the vote ride in the query (a reader can only ever
   * vote as themselves), so a digest signs once, not twice per paper.
   */
  feedbackLinks(readerId: string): (paperId: string, kind: "more" | "less") => string {
    const base = this.url(
      "feedback",
      this.signer.sign({ purpose: "feedback", subject: readerId, expiresAt: this.later() }),
    );
    return (paperId, kind) => `${base}${feedbackQuery(paperId, kind)}`;
  }

  feedback(readerId: string, paperId: string, kind: "more" | "less"): string {
    return this.feedbackLinks(readerId)(paperId, kind);
  }

  private later(): Date {
    return new Date(this.now().getTime() + this.ttlDays * 86_400_000);
  }

  private url(path: string, token: string): string {
    return `${this.settings.publicUrl}/${path}/${token}`;
  }
}
