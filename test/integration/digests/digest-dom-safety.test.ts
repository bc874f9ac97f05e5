import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCardData, toDigestData } from "../../../src/digests/digest-model.js";
import { DigestRenderer } from "../../../src/digests/digest-renderer.js";
import { hostileEdition } from "../../fixtures/digests/sample-editions.js";
import { launchChromium } from "../../helpers/chromium.js";
import type { BrowserDocument } from "./browser-types.js";

declare const document: BrowserDocument;

// What a browser actually builds from the hostile digest: no active content, and every
// title, excerpt and topic name arrives as exactly the text we meant to show.
let browser: Browser;
let renderer: DigestRenderer;

beforeAll(async () => {
  renderer = await DigestRenderer.create();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("hostile digest in a real DOM", () => {
  it("has no active content and shows every value as text, intact", async () => {
    const view = hostileEdition();
    const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.route("**/*", (route) => route.abort());
    try {
      await page.setContent(renderer.renderDigest(view).html, { waitUntil: "load" });
      const dom = await page.evaluate(() => ({
        scripts: document.querySelectorAll("script, iframe, object, embed, svg, img, form").length,
        handlers: [...document.querySelectorAll("*")].filter((element) =>
          [...element.attributes].some((attribute) => attribute.name.startsWith("on")),
        ).length,
        bold: [...document.querySelectorAll("b")].filter((element) => element.textContent === "bold").length,
        titles: [...document.querySelectorAll("a.pb-title")].map((element) => element.textContent),
        excerpts: [...document.querySelectorAll(".pb-x")].map((element) => element.textContent),
        topics: [...document.querySelectorAll("h2.pb-h")].map((element) => element.firstChild?.textContent),
        hrefs: [...document.querySelectorAll("a[href]")].map((element) => ({
          raw: element.getAttribute("href"),
          protocol: element.protocol,
        })),
      }));
      const cards = [...view.sections.flatMap((section) => section.papers), ...view.alsoTrending].map(
        toCardData,
      );
      expect(dom.scripts).toBe(0);
      expect(dom.handlers).toBe(0);
      expect(dom.bold).toBe(0);
      expect(dialogs).toEqual([]);
      expect(dom.titles).toEqual(cards.map((card) => card.title));
      expect(dom.excerpts).toEqual(cards.slice(0, -1).map((card) => card.excerpt));
      const topics = toDigestData(view).sections.map((section) => section.topicName);
      expect(topics[0]).toBe(view.sections[0]!.topicName);
      expect(dom.topics).toEqual([...topics, "Also trending"]);
      for (const href of dom.hrefs) {
        expect(
          href.raw === "#" || ["http:", "https:", "mailto:"].includes(href.protocol ?? ""),
          href.raw ?? "",
        ).toBe(true);
      }
      // The javascript: title link and the vbscript: feedback link; unsafe PDF/code/project links are left out.
      expect(dom.hrefs.filter((href) => href.raw === "#").length).toBe(2);
    } finally {
      await page.close();
    }
  });
});
