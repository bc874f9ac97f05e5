import type { EditionComposer } from "../digests/edition-composer.js";
import type { Reader } from "../generated/prisma/client.js";
import { localDate } from "../lib/clock.js";
import type { RankedPaper } from "../ranking/ranking-types.js";
import { topicBySlug } from "../topics/taxonomy.js";

export interface PreviewPaper {
  title: string;
  /** An http(s) link to the paper, when one is known. */
  url: string | undefined;
  reason: string;
}

export interface DigestPreview {
  /** The reader's local date of the edition previewed (tomorrow). */
  editionDate: string;
  sections: { name: string; papers: PreviewPaper[] }[];
  alsoTrending: PreviewPaper[];
  isEmpty: boolean;
}

const DAY_MS = 86_400_000;

/**
 * What tomorrow's digest would hold with the reader's saved preferences, from
 * the papers known now: the same ranking the real edition uses (papers already
 * sent to the reader are left out). Tomorrow's trending papers are not known
 * yet, so it is a preview of the kind of papers, not a promise.
 */
export async function buildDigestPreview(
  composer: EditionComposer,
  reader: Reader,
  now: Date,
): Promise<DigestPreview> {
  const editionDate = localDate(new Date(now.getTime() + DAY_MS), reader.timeZone);
  const { ranked, prepared } = await composer.rank(reader, editionDate, now, { preview: true });
  const toPaper = (r: RankedPaper): PreviewPaper => {
    const details = prepared.details.get(r.paper.id);
    const candidate =
      details?.url ?? (details?.arxivId ? `https://arxiv.org/abs/${details.arxivId}` : undefined);
    return {
      title: r.paper.title,
      url: candidate && /^https?:\/\//i.test(candidate) ? candidate : undefined,
      reason: r.reason,
    };
  };
  return {
    editionDate,
    sections: ranked.sections.map((s) => ({
      name: s.topic === "keywords" ? "Your keywords" : (topicBySlug(s.topic)?.name ?? s.topic),
      papers: s.papers.map(toPaper),
    })),
    alsoTrending: ranked.alsoTrending.map(toPaper),
    isEmpty: ranked.isEmpty,
  };
}
