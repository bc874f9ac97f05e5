/**
 * arXiv identifiers. The canonical form has no version suffix, so every version of a
 * paper (and the same paper from Daily Papers, the arXiv API or a file) shares one key.
 *   new style: 2411.01234 (YYMM.NNNNN since 2015, YYMM.NNNN from 2007 to 2014)
 *   old style: hep-ex/0307015 (archive/YYMMNNN; a subject class as in math.GT/0309136 is dropped)
 */
const NEW_STYLE = /^(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?$/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.[A-Za-z]{2})?\/(\d{2}(?:0[1-9]|1[0-2])\d{3})(?:v\d+)?$/;
/** Prefixes seen in the wild: arXiv:, oai:arXiv.org:, abs/pdf URLs on arxiv.org and its mirrors. */
const PREFIXES = [
  /^arxiv:/i,
  /^oai:arxiv\.org:/i,
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i,
  /^https?:\/\/huggingface\.co\/papers\//i,
];

/** The canonical arXiv id (no version), or undefined when the text is not an arXiv id. */
export function canonicalArxivId(raw: string): string | undefined {
  let value = raw.trim();
  for (const prefix of PREFIXES) value = value.replace(prefix, "");
  value = value.replace(/\.pdf$/i, "").replace(/[?#].*$/, "");
  const modern = NEW_STYLE.exec(value);
  if (modern) return modern[1];
  const old = OLD_STYLE.exec(value);
  if (old) return `${old[1]}/${old[2]}`;
  return undefined;
}
