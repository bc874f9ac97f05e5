import type { ConfirmData, GoodbyeData, WelcomeData } from "./notice-model.js";
import { lines, linkLine, paragraphs, wrapText } from "./plain-text.js";

/** Text/plain parts of the account emails. */
export function confirmText(data: ConfirmData): string {
  return paragraphs([
    "Confirm your paperboy subscription",
    wrapText(
      `Please confirm that ${data.readerEmail} should get paperboy's daily digest of trending ML papers, grouped by the topics you follow.`,
    ),
    linkLine("Confirm your subscription", data.confirmUrl),
    wrapText(
      `This link expires in ${data.expiresText}. If you didn't sign up, ignore this email and you won't hear from us again.`,
    ),
    linkLine("paperboy", data.home),
  ]);
}

export function welcomeText(data: WelcomeData): string {
  return paragraphs([
    "Welcome to paperboy!",
    wrapText(
      `Your digest arrives ${data.frequencyText}${data.hasTopics ? `, with the day's trending papers in ${data.topicsText}.` : "."}`,
    ),
    wrapText(
      'Each paper comes with a short summary, links to the PDF and code, and why we picked it. Use the "More like this" and "Fewer like this" links to tune what you get.',
    ),
    linkLine("Manage topics", data.preferencesUrl),
    lines([linkLine("Unsubscribe", data.unsubscribeUrl), linkLine("paperboy", data.home)]),
  ]);
}

export function goodbyeText(data: GoodbyeData): string {
  return paragraphs([
    "You've been unsubscribed",
    wrapText("You won't get any more digests from paperboy. Thanks for reading."),
    linkLine("Changed your mind? Resubscribe", data.resubscribeUrl),
    linkLine("paperboy", data.home),
  ]);
}
