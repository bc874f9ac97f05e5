import type { ConfirmView, GoodbyeView, WelcomeView } from "./digest-view.js";
import { cleanText, joinNames, truncateAtWord } from "./text-format.js";

/**
 * Template data and subjects for the account emails around the digest:
 * double opt-in confirmation, welcome, and goodbye after unsubscribing.
 */
export interface ConfirmData {
  subject: string;
  title: string;
  preheader: string;
  confirmUrl: string;
  readerEmail: string;
  expiresText: string;
  home: string;
}

export interface WelcomeData {
  subject: string;
  title: string;
  preheader: string;
  preferencesUrl: string;
  topics: string[];
  hasTopics: boolean;
  topicsText: string;
  frequencyText: string;
  home: string;
  unsubscribeUrl: string;
}

export interface GoodbyeData {
  subject: string;
  title: string;
  preheader: string;
  resubscribeUrl: string;
  home: string;
}

export function toConfirmData(view: ConfirmView): ConfirmData {
  const days = Math.max(1, Math.round(view.expiresInDays));
  return {
    subject: "Confirm your paperboy subscription",
    title: "Confirm your paperboy subscription",
    preheader: "One click and your daily digest of trending ML papers starts.",
    confirmUrl: view.confirmUrl.trim(),
    readerEmail: cleanText(view.readerEmail),
    expiresText: days === 1 ? "1 day" : `${days} days`,
    home: view.home.trim(),
  };
}

export function toWelcomeData(view: WelcomeView): WelcomeData {
  const topics = view.topics.map((topic) => truncateAtWord(cleanText(topic), 40)).filter(Boolean);
  const frequencyText = cleanText(view.frequencyText) || "every day";
  return {
    subject: "You're subscribed to paperboy",
    title: "Welcome to paperboy",
    preheader: `Your digest of trending ML papers arrives ${frequencyText}.`,
    preferencesUrl: view.preferencesUrl.trim(),
    topics,
    hasTopics: topics.length > 0,
    topicsText: joinNames(topics),
    frequencyText,
    home: view.home.trim(),
    unsubscribeUrl: view.unsubscribeUrl.trim(),
  };
}

export function toGoodbyeData(view: GoodbyeView): GoodbyeData {
  return {
    subject: "You've been unsubscribed from paperboy",
    title: "You've been unsubscribed",
    preheader: "No more digests from us. You can come back any time.",
    resubscribeUrl: view.resubscribeUrl.trim(),
    home: view.home.trim(),
  };
}
