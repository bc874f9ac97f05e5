import { beforeAll, describe, expect, it } from "vitest";
import { DigestRenderer } from "../../../src/digests/digest-renderer.js";
import type { DigestView, EmailKind, EmailViews, PaperCard } from "../../../src/digests/digest-view.js";
import {
  hostileEdition,
  largestEdition,
  shortEdition,
  typicalEdition,
} from "../../fixtures/digests/sample-editions.js";

// The compiled fill must give what mjml2html gives for the same filled MJML, up to whitespace.
const normalize = (html: string) => html.replace(/\s+/g, " ").trim();

let renderer: DigestRenderer;
beforeAll(async () => {
  renderer = await DigestRenderer.create();
});

async function expectSameAsMjml<K extends EmailKind>(kind: K, view: EmailViews[K]): Promise<void> {
  const compiled = renderer.render(kind, view);
  const reference = await renderer.renderWithMjml(kind, view);
  expect(compiled.subject).toBe(reference.subject);
  expect(compiled.text).toBe(reference.text);
  const [ours, theirs] = [normalize(compiled.html), normalize(reference.html)];
  if (ours !== theirs) {
    let i = 0;
    while (ours[i] === theirs[i]) i++;
    expect(ours.slice(i - 200, i + 200)).toBe(theirs.slice(i - 200, i + 200));
  }
  expect(ours).toBe(theirs);
}

/** Every optional field of every card left out. */
function bare(card: PaperCard): PaperCard {
  return { id: card.id, title: card.title, url: card.url, authors: [], abstract: card.abstract, reason: "" };
}

const EDITIONS: Record<string, () => DigestView> = {
  short: shortEdition,
  typical: typicalEdition,
  "largest (20 papers + 3)": largestEdition,
  hostile: hostileEdition,
  "empty also trending": () => ({ ...typicalEdition(), alsoTrending: [] }),
  "missing optional fields": () => {
    const view = typicalEdition();
    return {
      ...view,
      whyReceiving: undefined,
      sections: view.sections.map((section) => ({ ...section, papers: section.papers.map(bare) })),
      alsoTrending: view.alsoTrending.map(bare),
    };
  },
  "also trending only": () => ({ ...typicalEdition(), sections: [] }),
  "nothing at all": () => ({ ...shortEdition(), sections: [], alsoTrending: [], totalPapers: 0 }),
  "a section with no papers": () => {
    const view = typicalEdition();
    return { ...view, sections: [{ topicSlug: "x", topicName: "Empty", papers: [] }, ...view.sections] };
  },
};

describe("compiled digest = mjml2html on the filled MJML", () => {
  for (const [name, build] of Object.entries(EDITIONS)) {
    it(name, async () => {
      await expectSameAsMjml("digest", build());
    });
  }
});

describe("compiled account emails = mjml2html on the filled MJML", () => {
  const hostile = `<script>alert("x")</script> & {{title}}`;
  it("confirm", async () => {
    await expectSameAsMjml("confirm", {
      confirmUrl: 'https://paperboy.example.com/confirm?t=a&b="c"',
      readerEmail: hostile,
      expiresInDays: 7,
      home: "https://paperboy.example.com/",
    });
  });

  it("welcome, with and without topics", async () => {
    const view = {
      preferencesUrl: "https://paperboy.example.com/preferences?t=abc",
      topics: ["Agents", hostile, "نموذج لغوي"],
      frequencyText: hostile,
      home: "https://paperboy.example.com/",
      unsubscribeUrl: "javascript:alert(1)",
    };
    await expectSameAsMjml("welcome", view);
    await expectSameAsMjml("welcome", { ...view, topics: [] });
  });

  it("goodbye", async () => {
    await expectSameAsMjml("goodbye", { resubscribeUrl: "https://paperboy.example.com/s", home: "data:x" });
  });
});
