import mjml2html from "mjml";
import { DigestRenderer } from "../../src/digests/digest-renderer.js";
import type { DigestView } from "../../src/digests/digest-view.js";
import { MJML_OPTIONS } from "../../src/digests/template-compiler.js";
import { largestEdition, typicalEdition } from "../../test/fixtures/digests/sample-editions.js";
import type { BenchResult } from "../harness.js";

/**
 * Digest HTML: our compiled template (MJML compiled once, filled per reader) against
 * calling mjml2html per reader on the same filled MJML, for the same editions.
 * `render.full` is the whole email our way (subject, per-reader data, HTML, text part).
 * Costs are CPU time of this process, so other work on a shared machine does not count
 * against either side; wall time is reported alongside.
 */
const COMPILED_RUNS = 2_000;
const MJML_RUNS = 30;

interface Measured {
  cpuUs: number;
  wallUs: number;
}

async function measure(runs: number, once: (i: number) => unknown): Promise<Measured> {
  const cpu = process.cpuUsage();
  const wall = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await once(i);
  const used = process.cpuUsage(cpu);
  return {
    cpuUs: (used.user + used.system) / runs,
    wallUs: Number(process.hrtime.bigint() - wall) / 1e3 / runs,
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function result(
  name: string,
  measured: Measured,
  runs: number,
  extra: Record<string, unknown> = {},
): BenchResult {
  return {
    name,
    value: Math.round(1e6 / measured.cpuUs),
    unit: "digests/s",
    usPerDigest: round2(measured.cpuUs),
    wallUsPerDigest: round2(measured.wallUs),
    runs,
    ...extra,
  };
}

export default async function render(): Promise<BenchResult[]> {
  const compileStart = process.hrtime.bigint();
  const renderer = await DigestRenderer.create();
  const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;

  // A typical and the largest edition, alternating; every reader has their own address and links.
  const editions: DigestView[] = Array.from({ length: 20 }, (_, i) => {
    const base = i % 2 === 0 ? typicalEdition() : largestEdition();
    const reader = `reader-${i}`;
    return {
      ...base,
      readerEmail: `${reader}@example.org`,
      links: {
        ...base.links,
        preferences: `${base.links.preferences}&r=${reader}`,
        unsubscribe: `${base.links.unsubscribe}&r=${reader}`,
      },
    };
  });
  const data = editions.map((view) => renderer.templateData("digest", view));
  const digest = renderer.compiled("digest");
  let bytes = 0;
  // Buffer.byteLength is what sending does first; it also flattens the string.
  const fillOnce = (i: number) => {
    bytes += Buffer.byteLength(digest.fill(data[i % data.length]!));
  };
  const mjmlOnce = async (i: number) =>
    (await mjml2html(digest.fillMjml(data[i % data.length]!), MJML_OPTIONS)).html;
  const fullOnce = (i: number) => {
    const email = renderer.renderDigest(editions[i % editions.length]!);
    return Buffer.byteLength(email.html) + Buffer.byteLength(email.text);
  };

  await measure(300, fillOnce);
  const compiled = await measure(COMPILED_RUNS, fillOnce);
  await measure(300, fullOnce);
  const full = await measure(COMPILED_RUNS, fullOnce);
  await measure(3, mjmlOnce);
  const mjml = await measure(MJML_RUNS, mjmlOnce);

  return [
    { name: "render.compile", value: Math.round(compileMs), unit: "ms", templates: 4 },
    result("render.compiled", compiled, COMPILED_RUNS, {
      avgBytes: Math.round(bytes / (COMPILED_RUNS + 300)),
    }),
    result("render.mjml2html", mjml, MJML_RUNS),
    { name: "render.ratio", value: Math.round((mjml.cpuUs / compiled.cpuUs) * 10) / 10, unit: "x" },
    result("render.full", full, COMPILED_RUNS, { parts: "subject+html+text" }),
  ];
}
