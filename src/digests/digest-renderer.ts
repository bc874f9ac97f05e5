import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import mjml2html from "mjml";
import { AppError } from "../lib/errors.js";
import { CardCache } from "./card-cache.js";
import { toDigestData } from "./digest-model.js";
import { digestSubject } from "./digest-subject.js";
import { digestText } from "./digest-text.js";
import type {
  ConfirmView,
  DigestView,
  EmailKind,
  EmailViews,
  GoodbyeView,
  RenderedEmail,
  WelcomeView,
} from "./digest-view.js";
import { toConfirmData, toGoodbyeData, toWelcomeData } from "./notice-model.js";
import { confirmText, goodbyeText, welcomeText } from "./notice-text.js";
import { type CompiledTemplate, compileTemplate, MJML_OPTIONS } from "./template-compiler.js";

/** templates/ at the repository root, from src/digests or dist/digests alike. */
export const DEFAULT_TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../templates");

const KINDS: readonly EmailKind[] = ["digest", "confirm", "welcome", "goodbye"];

/** What each email is made of: the template data (subject included) and its text part. */
interface Prepared {
  subject: string;
  data: object;
  text: string;
}

function prepare<K extends EmailKind>(kind: K, view: EmailViews[K], cards: CardCache): Prepared {
  switch (kind) {
    case "digest": {
      const data = toDigestData(view as DigestView, (paper) => cards.card(paper));
      return { subject: digestSubject(data), data, text: digestText(data) };
    }
    case "confirm": {
      const data = toConfirmData(view as ConfirmView);
      return { subject: data.subject, data, text: confirmText(data) };
    }
    case "welcome": {
      const data = toWelcomeData(view as WelcomeView);
      return { subject: data.subject, data, text: welcomeText(data) };
    }
    default: {
      const data = toGoodbyeData(view as GoodbyeView);
      return { subject: data.subject, data, text: goodbyeText(data) };
    }
  }
}

/**
 * Renders the digest and the account emails. The MJML templates are compiled once,
 * in `create`; each email after that is a fill of the compiled program (no MJML work),
 * with every value escaped for where it lands.
 */
export class DigestRenderer {
  /** Paper-level card work, shared by every reader who gets the same paper. */
  private readonly cards = new CardCache();

  private constructor(private readonly templates: ReadonlyMap<EmailKind, CompiledTemplate>) {}

  static async create(options: { templatesDir?: string } = {}): Promise<DigestRenderer> {
    const dir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
    const read = (file: string): string => {
      try {
        return readFileSync(join(dir, file), "utf8");
      } catch (error) {
        throw new AppError("INTERNAL", `Email template ${file} is missing`, {
          cause: error,
          details: { templatesDir: dir, file },
          hint: "Point templatesDir at the repository's templates/ folder",
        });
      }
    };
    const loadPartial = (name: string) => read(join("partials", `${name}.mjml`));
    const compiled = await Promise.all(
      KINDS.map(
        async (kind) => [kind, await compileTemplate(kind, read(`${kind}.mjml`), loadPartial)] as const,
      ),
    );
    return new DigestRenderer(new Map(compiled));
  }

  render<K extends EmailKind>(kind: K, view: EmailViews[K]): RenderedEmail {
    const { subject, data, text } = prepare(kind, view, this.cards);
    return { subject, html: this.template(kind).fill(data), text };
  }

  renderDigest(view: DigestView): RenderedEmail {
    return this.render("digest", view);
  }

  renderConfirm(view: ConfirmView): RenderedEmail {
    return this.render("confirm", view);
  }

  renderWelcome(view: WelcomeView): RenderedEmail {
    return this.render("welcome", view);
  }

  renderGoodbye(view: GoodbyeView): RenderedEmail {
    return this.render("goodbye", view);
  }

  /** The data a view's template is filled with (cards shared through this renderer's cache). */
  templateData<K extends EmailKind>(kind: K, view: EmailViews[K]): object {
    return prepare(kind, view, this.cards).data;
  }

  /** A compiled template, for callers that fill prepared data themselves (the bench). */
  compiled(kind: EmailKind): CompiledTemplate {
    return this.template(kind);
  }

  /** The filled MJML for a view: what a per-reader mjml2html call would be given. */
  filledMjml<K extends EmailKind>(kind: K, view: EmailViews[K]): string {
    return this.template(kind).fillMjml(prepare(kind, view, this.cards).data);
  }

  /**
   * The slow reference: fill the MJML, then mjml2html per reader. Only for checking the
   * compiled path (tests) and measuring it (bench); never for sending.
   */
  async renderWithMjml<K extends EmailKind>(kind: K, view: EmailViews[K]): Promise<RenderedEmail> {
    const { subject, data, text } = prepare(kind, view, this.cards);
    const { html } = await mjml2html(this.template(kind).fillMjml(data), MJML_OPTIONS);
    return { subject, html, text };
  }

  private template(kind: EmailKind): CompiledTemplate {
    const template = this.templates.get(kind);
    if (!template) throw new AppError("INTERNAL", `No email template for ${kind}`);
    return template;
  }
}
