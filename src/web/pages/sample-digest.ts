import { type Html, html } from "./html.js";

interface SamplePaper {
  title: string;
  meta: string;
  summary: string;
  reason: string;
}

/** Invented papers: a static excerpt showing what a digest looks like. */
const SECTIONS: { topic: string; papers: SamplePaper[] }[] = [
  {
    topic: "Agents & tool use",
    papers: [
      {
        title: "Planning Before Acting: Lookahead Search for Web Agents",
        meta: "M. Okafor, L. Brandt, +4 · cs.CL",
        summary:
          "Agents that simulate a few steps ahead before clicking finish 31% more shopping and booking tasks.",
        reason: "312 upvotes, +120 today",
      },
      {
        title: "ToolSmith: Teaching Small Models to Write Their Own Tools",
        meta: "Y. Tanaka, R. Silva · cs.AI",
        summary:
          "A 7B model that writes, tests and reuses Python helpers beats larger models on multi-step tasks.",
        reason: "matches 'tool use' · 188 upvotes",
      },
    ],
  },
  {
    topic: "Efficient inference & compression",
    papers: [
      {
        title: "Draft Trees Without a Draft Model",
        meta: "A. Novak, P. Iyer, +2 · cs.LG · code",
        summary:
          "Speculative decoding from the model's own early layers: 2.4x faster with identical outputs.",
        reason: "matches 'speculative decoding' · 97 upvotes",
      },
    ],
  },
];

export function sampleDigest(): Html {
  return html`<figure class="sample" aria-label="A sample digest">
<div class="sample-top"><span><strong>paperboy</strong> · Tuesday's digest</span><span>Sample</span></div>
<div class="sample-body">
${SECTIONS.map(
  (section) => html`<h3>${section.topic}</h3>
${section.papers.map(
  (p) =>
    html`<div class="paper"><p class="title">${p.title}</p><p class="meta">${p.meta}</p><p class="summary">${p.summary}</p><span class="reason">${p.reason}</span></div>`,
)}`,
)}
</div>
</figure>`;
}
