/**
 * What the renderer needs to build each email. The lead maps ranking results and
 * reader state into these plain objects; everything in them is untrusted text
 * (titles, abstracts, names come from public sources) and is escaped on output.
 */

export interface PaperCard {
  id: string;
  title: string;
  /** The paper's page (ours or the source's). */
  url: string;
  authors: string[];
  /** Total number of authors when `authors` is only the first few. */
  authorCount?: number;
  /** AI summary; preferred over the abstract when present. */
  summary?: string;
  abstract: string;
  upvotes?: number;
  comments?: number;
  pdfUrl?: string;
  /** "owner/name" or a full https://github.com/... address. */
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  /** Why this paper was chosen for this reader, one short sentence. */
  reason: string;
  /** Signed absolute URLs for "more like this" / "fewer like this". */
  feedback?: { more: string; less: string };
}

export interface DigestSection {
  topicSlug: string;
  topicName: string;
  papers: PaperCard[];
}

export interface DigestView {
  lang: "en";
  /** YYYY-MM-DD, the edition's local date. */
  editionDate: string;
  readerEmail: string;
  sections: DigestSection[];
  alsoTrending: PaperCard[];
  /** Papers in this email (sections + also trending), shown in the subject and header. */
  totalPapers: number;
  links: { preferences: string; unsubscribe: string; viewInBrowser: string; home: string };
  postalAddress: string;
  /** Overrides the default "You're receiving this because ..." line. */
  whyReceiving?: string;
}

export interface ConfirmView {
  confirmUrl: string;
  readerEmail: string;
  expiresInDays: number;
  home: string;
}

export interface WelcomeView {
  preferencesUrl: string;
  /** Topic names, in the reader's order. */
  topics: string[];
  /** e.g. "every morning around 7:00" — completes "Your digest arrives ...". */
  frequencyText: string;
  home: string;
  unsubscribeUrl: string;
}

export interface GoodbyeView {
  resubscribeUrl: string;
  home: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Every email the renderer knows, by template name. */
export interface EmailViews {
  digest: DigestView;
  confirm: ConfirmView;
  welcome: WelcomeView;
  goodbye: GoodbyeView;
}

export type EmailKind = keyof EmailViews;
