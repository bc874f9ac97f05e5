import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DigestRenderer } from "../../../src/digests/digest-renderer.js";
import type { DigestView } from "../../../src/digests/digest-view.js";
import {
  hostileEdition,
  largestEdition,
  shortEdition,
  typicalEdition,
} from "../../fixtures/digests/sample-editions.js";
import { launchChromium } from "../../helpers/chromium.js";
import type { BrowserDocument, BrowserElement, BrowserStyle } from "./browser-types.js";

declare const document: BrowserDocument;
declare function getComputedStyle(element: BrowserElement): BrowserStyle;

// Renders sample digests in the system's headless Chromium at desktop and phone widths,
// checks the layout holds, and leaves screenshots in test/artifacts/digests/ to look at.
const ARTIFACTS = join(process.cwd(), "test/artifacts/digests");
const EDITIONS: Record<string, () => DigestView> = {
  short: shortEdition,
  typical: typicalEdition,
  largest: largestEdition,
  hostile: hostileEdition,
};
const WIDTHS = [600, 375];

interface Layout {
  scrollWidth: number;
  images: { alt: string | null }[];
  cards: { left: number; right: number; width: number; height: number }[];
  titles: { left: number; right: number; width: number; height: number; visible: boolean; text: string }[];
  topics: number;
}

let browser: Browser;
let renderer: DigestRenderer;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  renderer = await DigestRenderer.create();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function openEmail(html: string, width: number, colorScheme: "light" | "dark"): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  // An email must not need the network: every request fails.
  await page.route("**/*", (route) => route.abort());
  await page.setContent(html, { waitUntil: "load" });
  return page;
}

function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const box = (element: BrowserElement) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, right: rect.right, width: rect.width, height: rect.height };
    };
    return {
      scrollWidth: document.documentElement.scrollWidth,
      images: [...document.images].map((image) => ({ alt: image.getAttribute("alt") })),
      cards: [...document.querySelectorAll(".pb-card")].map(box),
      titles: [...document.querySelectorAll("a.pb-title")].map((title) => {
        const style = getComputedStyle(title);
        return {
          ...box(title),
          visible: style.visibility === "visible" && style.display !== "none" && Number(style.opacity) > 0,
          text: title.textContent ?? "",
        };
      }),
      topics: document.querySelectorAll("h2.pb-h").length,
    };
  });
}

/** WCAG contrast between an element's text colour and the sheet it sits on. */
function contrastOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((selector) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r, g, b] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const element = document.querySelector(selector);
    const sheet = document.querySelector(".pb-sheet");
    if (!element || !sheet) return 0;
    const fg = luminance(getComputedStyle(element).color);
    const bg = luminance(getComputedStyle(sheet).backgroundColor);
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  }, selector);
}

describe("digest layout in Chromium", () => {
  for (const [name, build] of Object.entries(EDITIONS)) {
    for (const width of WIDTHS) {
      it(`${name} edition holds together at ${width}px`, async () => {
        const view = build();
        const page = await openEmail(renderer.renderDigest(view).html, width, "light");
        try {
          const layout = await layoutOf(page);
          expect(layout.scrollWidth).toBeLessThanOrEqual(width);
          expect(layout.images.every((image) => image.alt !== null)).toBe(true);
          const paperCount =
            view.sections.reduce((sum, section) => sum + section.papers.length, 0) + view.alsoTrending.length;
          expect(layout.cards).toHaveLength(paperCount);
          expect(layout.titles).toHaveLength(paperCount);
          expect(layout.topics).toBe(view.sections.length + (view.alsoTrending.length > 0 ? 1 : 0));
          for (const card of layout.cards) {
            expect(card.left).toBeGreaterThanOrEqual(0);
            expect(card.right).toBeLessThanOrEqual(width);
            expect(card.height).toBeGreaterThan(40);
          }
          for (const title of layout.titles) {
            expect(title.visible).toBe(true);
            expect(title.text.length).toBeGreaterThan(0);
            expect(title.height).toBeGreaterThan(10);
            expect(title.left).toBeGreaterThanOrEqual(0);
            expect(title.right).toBeLessThanOrEqual(width);
          }
          // Desktop keeps the 600px column; phones get the full width minus side padding.
          const widest = Math.max(...layout.cards.map((card) => card.width));
          expect(widest).toBeGreaterThan(width === 600 ? 500 : 300);
          await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
        } finally {
          await page.close();
        }
      });
    }
  }

  for (const scheme of ["light", "dark"] as const) {
    it(`text is readable in ${scheme} mode`, async () => {
      const page = await openEmail(renderer.renderDigest(typicalEdition()).html, 600, scheme);
      try {
        for (const selector of ["a.pb-title", ".pb-x", ".pb-card .pb-m", "h2.pb-h", "a.pb-a"]) {
          expect(await contrastOf(page, selector), selector).toBeGreaterThanOrEqual(4.5);
        }
        const backgrounds = await page.evaluate(() => ({
          sheet: getComputedStyle(document.querySelector(".pb-sheet")!).backgroundColor,
          page: getComputedStyle(document.querySelector("body > div[role=article]")!).backgroundColor,
        }));
        expect(backgrounds).toEqual(
          scheme === "dark"
            ? { sheet: "rgb(22, 27, 34)", page: "rgb(13, 17, 23)" }
            : { sheet: "rgb(255, 255, 255)", page: "rgb(242, 243, 245)" },
        );
        await page.screenshot({ path: join(ARTIFACTS, `typical-600-${scheme}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }

  for (const kind of ["confirm", "welcome", "goodbye"] as const) {
    it(`${kind} email fits a phone`, async () => {
      const email =
        kind === "confirm"
          ? renderer.renderConfirm({
              confirmUrl: `https://paperboy.example.com/confirm?t=${"c".repeat(120)}`,
              readerEmail: "ada@example.org",
              expiresInDays: 7,
              home: "https://paperboy.example.com/",
            })
          : kind === "welcome"
            ? renderer.renderWelcome({
                preferencesUrl: "https://paperboy.example.com/preferences?t=abc",
                topics: ["Agents", "Large Language Models", "Robotics", "Computer Vision"],
                frequencyText: "every morning around 7:00",
                home: "https://paperboy.example.com/",
                unsubscribeUrl: "https://paperboy.example.com/unsubscribe?t=abc",
              })
            : renderer.renderGoodbye({
                resubscribeUrl: "https://paperboy.example.com/subscribe?again=1",
                home: "https://paperboy.example.com/",
              });
      const page = await openEmail(email.html, 375, "light");
      try {
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth).toBeLessThanOrEqual(375);
        const button = await page.evaluate(() => {
          const link = document.querySelector(".pb-btn a");
          const rect = link?.getBoundingClientRect();
          return rect ? { width: rect.width, height: rect.height, href: link!.getAttribute("href") } : null;
        });
        expect(button?.height).toBeGreaterThan(30);
        expect(button?.href).toMatch(/^https:\/\/paperboy\.example\.com\//);
        await page.screenshot({ path: join(ARTIFACTS, `${kind}-375.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }
});
