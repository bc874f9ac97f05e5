import { beforeAll, describe, expect, it } from "vitest";
import { DigestRenderer } from "../../../src/digests/digest-renderer.js";
import type { DigestView, RenderedEmail } from "../../../src/digests/digest-view.js";
import {
  HOSTILE,
  hostileEdition,
  largestEdition,
  shortEdition,
  typicalEdition,
} from "../../fixtures/digests/sample-editions.js";

const GMAIL_CLIP_BYTES = 102_000;

let renderer: DigestRenderer;
beforeAll(async () => {
  renderer = await DigestRenderer.create();
});

/** Numeric character references back to characters (the HTML keeps non-Latin-1 text as &#N;). */
const decodeRefs = (html: string) =>
  html.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]*)"/g)].map((match) => match[1]!);
const titlesOf = (html: string) =>
  [...html.matchAll(/<a class="pb-title"[^>]*>([^<]*)<\/a>/g)].map((match) => decodeRefs(match[1]!));

describe("digest subject", () => {
  it("says what is inside, like the example", () => {
    const base = shortEdition();
    const card = base.sections[0]!.papers[0]!;
    const view: DigestView = {
      ...base,
      sections: ["Agents", "LLMs", "Robotics", "Vision"].map((name) => ({
        topicSlug: name.toLowerCase(),
        topicName: name,
        papers: [card],
      })),
      totalPapers: 12,
    };
    expect(renderer.renderDigest(view).subject).toBe("Agents, LLMs +2 · 12 trending papers · Nov 22");
    expect(renderer.renderDigest(shortEdition()).subject).toBe("Agents · 2 trending papers · Nov 22");
  });

  it("stays under 80 characters whatever the topic names", () => {
    const base = typicalEdition();
    const longNames: DigestView = {
      ...base,
      sections: base.sections.map((section, i) => ({
        ...section,
        topicName: `${"Very Long Topic Name ".repeat(3)}${i}`,
      })),
      totalPapers: 1234,
    };
    for (const view of [longNames, largestEdition(), hostileEdition(), typicalEdition()]) {
      const { subject } = renderer.renderDigest(view);
      expect(subject.length).toBeLessThan(80);
      expect(subject).toMatch(/trending papers · Nov 22$/);
      expect(subject).not.toMatch(/[\r\n]/);
    }
  });
});

describe("digest HTML", () => {
  let typical: RenderedEmail;
  beforeAll(() => {
    typical = renderer.renderDigest(typicalEdition());
  });

  it("declares language, colour schemes and the dark palette", () => {
    expect(typical.html).toMatch(/<html lang="en"/);
    expect(typical.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(typical.html).toContain("@media (prefers-color-scheme: dark)");
    expect(typical.html).toContain("@media only screen and (max-width: 480px)");
  });

  it("has a preheader, a dated header and one section per topic", () => {
    const view = typicalEdition();
    expect(typical.html).toMatch(/display:none[^>]*>Top pick: Self-Correcting Tool Use/);
    expect(typical.html).toContain("Saturday, November 22, 2025");
    expect(typical.html).toContain("13 trending papers in Agents, Large Language Models and 2 more topics");
    for (const section of view.sections) expect(typical.html).toContain(`>${section.topicName}<span`);
    expect(typical.html).toContain(">Also trending</h2>");
  });

  it("shows each card's title link, authors, excerpt, stats, links, reason and feedback", () => {
    const paper = typicalEdition().sections[0]!.papers[0]!;
    const html = typical.html;
    expect(html).toContain(`href="${paper.url}"`);
    expect(html).toContain("Maya Okafor, Daniel Brandt, Li Wei et al. · 40 upvotes");
    expect(html).toContain(paper.summary!);
    expect(html).toContain(`href="${paper.pdfUrl}"`);
    expect(html).toContain(`>Code &#9733; 1.2k</a>`);
    expect(html).toContain(`href="https://github.com/${paper.githubRepo}"`);
    expect(html).toContain(`href="${paper.projectPage}"`);
    expect(html).toContain(`<b style="font-weight:600">Why:</b> ${paper.reason}`);
    expect(html).toContain(`href="${paper.feedback!.more.replaceAll("&", "&amp;")}"`);
    expect(html).toContain(">Fewer like this</a>");
  });

  it("has the footer links, the reason for the email and the postal address", () => {
    const view = typicalEdition();
    for (const [label, url] of [
      ["Manage topics", view.links.preferences],
      ["Unsubscribe", view.links.unsubscribe],
      ["View in browser", view.links.viewInBrowser],
    ]) {
      expect(typical.html).toMatch(new RegExp(`href="${url!.replace(/[?.]/g, "\\$&")}"[^>]*>${label}</a>`));
    }
    expect(typical.html).toContain("You're receiving this because ada@example.org is subscribed");
    expect(typical.html).toContain(view.postalAddress);
  });

  it("leaves out what a card does not have", () => {
    const view = typicalEdition();
    const bare: DigestView = {
      ...view,
      sections: [
        {
          topicSlug: "agents",
          topicName: "Agents",
          papers: [
            {
              id: "1",
              title: "Bare paper",
              url: "https://x.example/1",
              authors: [],
              abstract: "Abs.",
              reason: "",
            },
          ],
        },
      ],
      alsoTrending: [],
      totalPapers: 1,
    };
    const { html, subject } = renderer.renderDigest(bare);
    expect(html).toContain(">Bare paper</a>");
    for (const absent of [
      ">PDF<",
      ">Code",
      ">Project page<",
      "Why:",
      "More like this",
      "Also trending",
      "upvote",
    ]) {
      expect(html).not.toContain(absent);
    }
    expect(subject).toBe("Agents · 1 trending paper · Nov 22");
  });

  it("is Latin-1 only: wider characters arrive as numeric references", () => {
    const hostile = renderer.renderDigest(hostileEdition()).html;
    for (const html of [typical.html, hostile]) expect(html).not.toMatch(/[\u0100-\uffff]/);
    expect(hostile).toContain("&#128640; Scaling &#129302; agents");
  });

  it("has no images, so nothing depends on them loading", () => {
    expect(typical.html).not.toMatch(/<img\b/);
  });
});

describe("the largest digest", () => {
  it(`stays under Gmail's clipping size (${GMAIL_CLIP_BYTES} bytes)`, () => {
    const { html } = renderer.renderDigest(largestEdition());
    expect(Buffer.byteLength(html, "utf8")).toBeLessThan(GMAIL_CLIP_BYTES);
    expect(titlesOf(html)).toHaveLength(23);
  });

  it("cuts long fields with intent", () => {
    const { html } = renderer.renderDigest(largestEdition());
    for (const title of titlesOf(html)) {
      expect(title.length).toBeLessThanOrEqual(200);
      expect(title.endsWith("…")).toBe(true);
    }
    const excerpts = [...html.matchAll(/class="pb-x"[^>]*>([^<]*)</g)].map((match) => decodeRefs(match[1]!));
    expect(excerpts).toHaveLength(20);
    for (const excerpt of excerpts) expect(excerpt.length).toBeLessThanOrEqual(300);
    expect(html).toContain("Maya Okafor, Daniel Brandt, Li Wei et al.");
    expect(html).not.toContain("Collaborator Number3");
  });
});

describe("hostile text", () => {
  let email: RenderedEmail;
  beforeAll(() => {
    email = renderer.renderDigest(hostileEdition());
  });

  it("never becomes markup in the HTML", () => {
    expect(email.html).not.toMatch(/<script/i);
    expect(email.html).not.toMatch(/<img/i);
    expect(email.html).not.toMatch(/<[^>]*\sonerror=/i);
    expect(email.html).not.toMatch(/<b>bold<\/b>/);
    expect(email.html).toContain(
      '&lt;script&gt;alert("pwned")&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
    expect(email.html).toContain("&lt;/mj-text&gt;&lt;/mj-column&gt; ]]&gt; &lt;![CDATA[ x ]]&gt;");
  });

  it("keeps template syntax, LaTeX, emoji, right-to-left text and bare URLs as they were", () => {
    const html = decodeRefs(email.html);
    expect(html).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${} is the hostile input
      "{{reader.email}} {{#sections}}x{{/sections}} ${process.env.SECRET} &lt;%= 7*7 %&gt; __pbv1__ &lt;!--__pbb1o__--&gt;",
    );
    expect(html).toContain(HOSTILE.latex);
    expect(html).toContain(HOSTILE.emoji);
    expect(html).toContain(HOSTILE.rtl);
    expect(html).toContain('See https://evil.example/path?x=&lt;y&gt;&amp;z="1" and www.example.com/a_b');
    expect(hrefs(email.html).some((href) => href.includes("evil.example"))).toBe(false);
  });

  it("cuts a 5,000-character title to about 200 characters", () => {
    const long = titlesOf(email.html).find((title) => title.startsWith("Extremely long title"));
    expect(long).toBeDefined();
    expect(long!.length).toBeLessThanOrEqual(200);
    expect(long!.length).toBeGreaterThan(180);
    expect(long!.endsWith("…")).toBe(true);
    expect(long!.slice(0, -1)).toBe(HOSTILE.longTitle.slice(0, long!.length - 1));
  });

  it("links only to http(s) and mailto, with # for everything else", () => {
    const all = hrefs(email.html);
    expect(all.length).toBeGreaterThan(20);
    for (const href of all) expect(href === "#" || /^(https?:\/\/|mailto:)/i.test(href), href).toBe(true);
    expect(email.html).not.toMatch(/javascript:|vbscript:|data:text/i);
    expect(all).toContain("https://ok.example/less?a=1&amp;b=&quot;2&quot;");
    expect(all).toContain("#");
  });

  it("stays plain text in the text part", () => {
    const unwrapped = email.text.replace(/\n +/g, " ");
    expect(unwrapped).toContain(HOSTILE.script);
    expect(unwrapped).toContain(HOSTILE.template);
    expect(unwrapped).toContain(HOSTILE.emoji);
    expect(unwrapped).toContain(HOSTILE.latex);
    expect(email.text).not.toMatch(/&lt;|&gt;|&quot;|&#39;/);
    expect(email.text).not.toMatch(/javascript:|vbscript:|data:text/i);
    expect(email.text).toContain('Fewer like this: https://ok.example/less?a=1&b="2"');
  });
});

describe("digest text part", () => {
  it("reads on its own: header, topics, numbered papers, links listed, footer", () => {
    const view = typicalEdition();
    const { text } = renderer.renderDigest(view);
    const paper = view.sections[0]!.papers[0]!;
    expect(text.startsWith("paperboy · Saturday, November 22, 2025\n13 trending papers in")).toBe(true);
    expect(text).toContain("AGENTS · 3 PAPERS\n-----------------");
    expect(text).toContain(
      "\n1.  Self-Correcting Tool Use: Agents That Learn When Their API Calls\n    Fail\n",
    );
    expect(text).toContain("\n10. ");
    expect(text).toContain(`    Read: ${paper.url}`);
    expect(text).toContain(`    PDF: ${paper.pdfUrl}`);
    expect(text).toContain(`    Code ★ 1.2k: https://github.com/${paper.githubRepo}`);
    expect(text).toContain(`    More like this: ${paper.feedback!.more}`);
    expect(text).toContain("ALSO TRENDING");
    expect(text).toContain(`Manage topics: ${view.links.preferences}`);
    expect(text).toContain(`Unsubscribe: ${view.links.unsubscribe}`);
    expect(text).toContain(view.postalAddress);
  });

  it("has no HTML entities and wraps prose at 72 columns", () => {
    for (const view of [typicalEdition(), largestEdition()]) {
      const { text } = renderer.renderDigest(view);
      expect(text).not.toMatch(/&(?:amp|lt|gt|quot|#\d+|#x[\da-f]+|nbsp);/i);
      expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
      for (const line of text.split("\n")) {
        const unbreakable = /: (https?:|mailto:)\S+$/.test(line) || !line.trim().includes(" ");
        if (!unbreakable) expect(line.length, line).toBeLessThanOrEqual(72);
      }
    }
  });
});

describe("account emails", () => {
  it("confirm: one clear button, the address, and the link in text too", () => {
    const url = "https://paperboy.example.com/confirm?t=abc&x=1";
    const email = renderer.renderConfirm({
      confirmUrl: url,
      readerEmail: "ada@example.org",
      expiresInDays: 7,
      home: "https://paperboy.example.com/",
    });
    expect(email.subject).toBe("Confirm your paperboy subscription");
    expect(email.html.match(/class="pb-btn"/g)).toHaveLength(1);
    expect(email.html).toMatch(
      /href="https:\/\/paperboy\.example\.com\/confirm\?t=abc&amp;x=1"[^>]*>\s*Confirm subscription/,
    );
    expect(email.html).toContain('<b style="overflow-wrap:anywhere">ada@example.org</b>');
    expect(email.html).toContain("expires in 7 days");
    expect(email.text).toContain(`Confirm your subscription: ${url}`);
    expect(email.text).toContain("expires in 7 days");
  });

  it("welcome: what to expect, the topics, and where to change them", () => {
    const email = renderer.renderWelcome({
      preferencesUrl: "https://paperboy.example.com/preferences?t=abc",
      topics: ["Agents", "Robotics"],
      frequencyText: "every morning around 7:00",
      home: "https://paperboy.example.com/",
      unsubscribeUrl: "https://paperboy.example.com/unsubscribe?t=abc",
    });
    expect(email.subject).toBe("You're subscribed to paperboy");
    expect(email.html).toContain("<b>every morning around 7:00</b>, with the day's trending papers in:");
    expect(email.html.match(/class="pb-chip"/g)).toHaveLength(2);
    expect(email.html).toMatch(
      /href="https:\/\/paperboy\.example\.com\/preferences\?t=abc"[^>]*>\s*Manage topics/,
    );
    expect(email.text.replace(/\n/g, " ")).toContain(
      "every morning around 7:00, with the day's trending papers in Agents and Robotics.",
    );
    expect(email.text).toContain("Manage topics: https://paperboy.example.com/preferences?t=abc");
    expect(email.text).toContain("Unsubscribe: https://paperboy.example.com/unsubscribe?t=abc");
  });

  it("goodbye: unsubscribed, with a way back", () => {
    const email = renderer.renderGoodbye({
      resubscribeUrl: "https://paperboy.example.com/subscribe?again=1",
      home: "https://paperboy.example.com/",
    });
    expect(email.subject).toBe("You've been unsubscribed from paperboy");
    expect(email.html).toMatch(
      /href="https:\/\/paperboy\.example\.com\/subscribe\?again=1"[^>]*>\s*Resubscribe/,
    );
    expect(email.text).toContain(
      "Changed your mind? Resubscribe: https://paperboy.example.com/subscribe?again=1",
    );
  });
});
