import { describe, expect, it } from "vitest";
import { type FillOp, FillProgram, staticOp, valueOp } from "../../../src/digests/fill-program.js";

// mjml's last pass over the whole document (mjml-core mergeOutlookConditionnals).
const mjmlMerge = (html: string) => html.replace(/(<!\[endif]-->\s*?<!--\[if mso \| IE]>)/gm, "");

const PIECES = [
  "<![endif]-->",
  "<!--[if mso | IE]>",
  " ",
  "\n",
  "\u00a0",
  "<td>",
  "x",
  "<!--[if mso | IE]><table><tr><td><![endif]-->",
  "<!--[if mso | IE]></td></tr></table><![endif]-->",
];

/** A small deterministic generator, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe("FillProgram merges Outlook conditionals across joins exactly like mjml", () => {
  it("for random runs, values and repeated blocks", () => {
    const next = random(42);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const staticText = () => {
      // Each run has already been through mjml, so it is merged within itself.
      let text = "";
      for (let i = 1 + Math.floor(next() * 3); i > 0; i--) text += pick(PIECES);
      return mjmlMerge(text);
    };
    for (let trial = 0; trial < 2000; trial++) {
      const body: FillOp[] = [staticOp(staticText()), valueOp("v", ["v"], "text")];
      if (next() < 0.5) body.push(staticOp(staticText()));
      const ops: FillOp[] = [
        staticOp(staticText()),
        { k: "block", name: "items", path: ["items"], inverted: false, body },
        staticOp(staticText()),
      ];
      const items = Array.from({ length: Math.floor(next() * 4) }, () => ({
        v: pick(["", "val", " ", "\u00a0\n"]),
      }));
      // The same document, built naively and then merged the way mjml does it.
      let naive = (ops[0] as { text: string }).text;
      for (const item of items) {
        for (const op of body) naive += op.k === "static" ? op.text : item.v;
      }
      naive += (ops[2] as { text: string }).text;
      expect(new FillProgram(ops).fill({ items }), JSON.stringify({ trial, naive })).toBe(mjmlMerge(naive));
    }
  });

  it("holds back a trailing endif only until it knows what follows", () => {
    const op = staticOp("<div>a</div><!--[if mso | IE]></td><![endif]-->\n");
    expect(op.keep).toBe("<div>a</div><!--[if mso | IE]></td>");
    expect(op.trail).toBe("<![endif]-->\n");
    expect(op.noLead).toBeNull();
    const lead = staticOp(" <!--[if mso | IE]><td><![endif]--><p>");
    expect(lead.noLead).toBe("<td><![endif]--><p>");
    expect(lead.trail).toBeNull();
  });
});
